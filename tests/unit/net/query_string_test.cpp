#include "net/query_string.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(QueryString, FormDecodesPercentEscapesAndPlus) {
    EXPECT_EQ(FormDecode("a%20b+c%2Bd%zz%4"), "a b c+d%zz%4");
    EXPECT_EQ(FormDecode("%C3%a9"), "\xC3\xA9");
    EXPECT_EQ(FormDecode(""), "");
}

TEST(QueryString, FindParamTakesTheFirstOfRepeats) {
    const QueryParams params = DecodeQueryString("shop=a&code=&shop=b");
    EXPECT_EQ(FindParam(params, "shop"), "a");
    EXPECT_EQ(FindParam(params, "code"), "");
    EXPECT_EQ(FindParam(params, "state"), std::nullopt);
}

TEST(QueryString, DecodeKeepsOrderAndRepeats) {
    const QueryParams params = DecodeQueryString("shop=a.myshopify.com&x=1%202&x=b+c&flag");
    ASSERT_EQ(params.size(), 4U);
    EXPECT_EQ(params[0], (std::pair<std::string, std::string>{"shop", "a.myshopify.com"}));
    EXPECT_EQ(params[1], (std::pair<std::string, std::string>{"x", "1 2"}));
    EXPECT_EQ(params[2].second, "b c");
    EXPECT_EQ(params[3], (std::pair<std::string, std::string>{"flag", ""}));
}

TEST(QueryString, DecodeSkipsEmptyPairsAndDecodesNames) {
    const QueryParams params = DecodeQueryString("&a%5B0%5D=1&&=v&");
    ASSERT_EQ(params.size(), 2U);
    EXPECT_EQ(params[0], (std::pair<std::string, std::string>{"a[0]", "1"}));
    EXPECT_EQ(params[1], (std::pair<std::string, std::string>{"", "v"}));
}

}  // namespace
}  // namespace scs
