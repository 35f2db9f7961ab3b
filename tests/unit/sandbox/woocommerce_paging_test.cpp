// WordPress collection paging of the WooCommerce sandbox: windows, page counts and Link headers.
#include <gtest/gtest.h>

#include "sandbox/woocommerce/paging.hpp"

namespace scs::sandbox::woocommerce {
namespace {

CollectionParams Page(int64_t page, int64_t per_page) {
    CollectionParams params;
    params.page = page;
    params.per_page = per_page;
    return params;
}

TEST(WooPagingTest, SlicesPagesAndCountsThem) {
    const PageWindow third = ComputePageWindow(25, Page(3, 10));
    EXPECT_EQ(third.begin, 20U);
    EXPECT_EQ(third.end, 25U);
    EXPECT_EQ(third.total, 25);
    EXPECT_EQ(third.total_pages, 3);
    const PageWindow beyond = ComputePageWindow(25, Page(4, 10));
    EXPECT_EQ(beyond.begin, beyond.end);
    EXPECT_EQ(ComputePageWindow(0, Page(1, 10)).total_pages, 0);
    EXPECT_EQ(ComputePageWindow(100, Page(1, 100)).total_pages, 1);
}

TEST(WooPagingTest, AnOffsetWinsOverThePage) {
    CollectionParams params = Page(5, 10);
    params.offset = 3;
    const PageWindow window = ComputePageWindow(8, params);
    EXPECT_EQ(window.begin, 3U);
    EXPECT_EQ(window.end, 8U);
    EXPECT_EQ(window.total_pages, 1);
}

TEST(WooPagingTest, LinksRepeatTheQueryWithThePageReplaced) {
    const std::string url = "http://h/woocommerce/s/wp-json/wc/v3/orders";
    // PHP numbers "k[]" items, as $_GET holds them.
    EXPECT_EQ(PagingLinkHeader(url, "per_page=10&page=2&status%5B%5D=processing", 2, 3),
              "<http://h/woocommerce/s/wp-json/wc/v3/orders?per_page=10&page=1&status%5B0%5D="
              "processing>; rel=\"prev\", <http://h/woocommerce/s/wp-json/wc/v3/orders?per_page="
              "10&page=3&status%5B0%5D=processing>; rel=\"next\"");
    EXPECT_EQ(PagingLinkHeader(url, "", 1, 2),
              "<http://h/woocommerce/s/wp-json/wc/v3/orders?page=2>; rel=\"next\"");
    EXPECT_EQ(PagingLinkHeader(url, "page=1", 1, 1), "");
    // Past the end, prev points at the last page.
    EXPECT_EQ(PagingLinkHeader(url, "page=9", 9, 2),
              "<http://h/woocommerce/s/wp-json/wc/v3/orders?page=2>; rel=\"prev\"");
}

TEST(WooPagingTest, LinksNameEachParameterOnceAndKeepArrays) {
    const std::string url = "http://h/o";
    // A repeated plain name keeps its first place and its last value; raw and encoded
    // brackets make one array; a repeated page goes once.
    EXPECT_EQ(PagingLinkHeader(
                  url,
                  "per_page=5&status[]=completed&page=1&per_page=2&status%5B%5D=on-hold&page=1",
                  1,
                  3),
              "<http://h/o?per_page=2&status%5B0%5D=completed&status%5B1%5D=on-hold&page=2>; "
              "rel=\"next\"");
    EXPECT_EQ(PagingLinkHeader(url, "include[3]=7&include[0]=9&include[3]=8", 1, 2),
              "<http://h/o?include%5B3%5D=8&include%5B0%5D=9&page=2>; rel=\"next\"");
}

TEST(WooPagingTest, LinksEncodeValuesAsPhpUrlencodeDoes) {
    EXPECT_EQ(PagingLinkHeader("http://h/o", "after=2024-01-02T03:04:05&search=a+b%7E&flag", 1, 2),
              "<http://h/o?after=2024-01-02T03%3A04%3A05&search=a+b%7E&flag=&page=2>; "
              "rel=\"next\"");
}

TEST(WooPagingTest, ReadsArraysAsRestSanitizeArrayDoes) {
    for (const char* query : {"status[0]=completed&status[1]=on-hold",
                              "status[]=completed&status[]=on-hold",
                              "status=completed,%20on-hold,",
                              "status=completed+on-hold"}) {
        RestRequest request;
        ParsePhpQuery(query, request.query);
        ParamErrors errors;
        EXPECT_EQ(ReadStringList(request, "status", {"completed", "on-hold"}, errors),
                  (std::vector<std::string>{"completed", "on-hold"}))
            << query;
        EXPECT_TRUE(errors.Empty()) << query;
    }
}

TEST(WooPagingTest, RefusesArraysWithNamedKeysAndBadItems) {
    RestRequest request;
    ParsePhpQuery("status[a]=completed&include[0]=1&include[1]=x&exclude[01]=2", request.query);
    ParamErrors errors;
    EXPECT_TRUE(ReadStringList(request, "status", {"completed"}, errors).empty());
    EXPECT_TRUE(ReadIdList(request, "include", errors).empty());
    EXPECT_TRUE(ReadIdList(request, "exclude", errors).empty());
    const WpError error = errors.ToError();
    EXPECT_EQ(error.code, "rest_invalid_param");
    EXPECT_EQ(error.data.at("params").at("status"), "status is not of type array.");
    EXPECT_EQ(error.data.at("details").at("status").at("code"), "rest_invalid_type");
    EXPECT_EQ(error.data.at("params").at("include"), "include[1] is not of type integer.");
    // "01" is not an integer key to PHP.
    EXPECT_EQ(error.data.at("params").at("exclude"), "exclude is not of type array.");
}

TEST(WooPagingTest, ValidatesPerPageAsWordPressDoes) {
    RestRequest request;
    ParsePhpQuery("per_page=101&page=0&order=up", request.query);
    ParamErrors errors;
    ReadCollectionParams(request, {"date", "id"}, "date", errors);
    const WpError error = errors.ToError();
    EXPECT_EQ(error.status, 400);
    EXPECT_EQ(error.code, "rest_invalid_param");
    EXPECT_EQ(error.message, "Invalid parameter(s): page, per_page, order");
    EXPECT_EQ(error.data.at("params").at("per_page"),
              "per_page must be between 1 (inclusive) and 100 (inclusive)");
    EXPECT_EQ(error.data.at("params").at("page"), "page must be greater than or equal to 1");
    EXPECT_EQ(error.data.at("params").at("order"), "order is not one of asc and desc.");
    EXPECT_EQ(error.data.at("details").at("per_page").at("code"), "rest_out_of_bounds");
}

}  // namespace
}  // namespace scs::sandbox::woocommerce
