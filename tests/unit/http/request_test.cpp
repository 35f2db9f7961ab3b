#include "http/request.hpp"

#include <set>

#include <gtest/gtest.h>

#include "http/request_id.hpp"

namespace scs {
namespace {

HttpRequest Parsed(std::string_view target) {
    HttpRequest request;
    const Status parsed = ParseRequestTarget(target, request);
    EXPECT_TRUE(parsed) << target;
    return request;
}

TEST(ParseRequestTarget, DecodesPathAndQuery) {
    const HttpRequest request = Parsed("/a%20b/c?x=1&name=J%C3%BCrgen&empty=&flag");
    EXPECT_EQ(request.target, "/a%20b/c?x=1&name=J%C3%BCrgen&empty=&flag");
    EXPECT_EQ(request.path, "/a b/c");
    EXPECT_EQ(request.query,
              (std::map<std::string, std::string>{
                  {"x", "1"}, {"name", "J\xC3\xBCrgen"}, {"empty", ""}, {"flag", ""}}));
}

TEST(ParseRequestTarget, PlusIsASpaceInTheQueryOnly) {
    const HttpRequest request = Parsed("/a+b?q=a+b&tz=%2B03:00");
    EXPECT_EQ(request.path, "/a+b");
    EXPECT_EQ(request.Query("q"), "a b");
    EXPECT_EQ(request.Query("tz"), "+03:00");
}

TEST(ParseRequestTarget, LastRepeatedParamWins) {
    EXPECT_EQ(Parsed("/?a=1&a=2").Query("a"), "2");
}

TEST(ParseRequestTarget, AcceptsAbsoluteForm) {
    EXPECT_EQ(Parsed("http://example.com/x/y?z=1").path, "/x/y");
    EXPECT_EQ(Parsed("http://example.com").path, "/");
}

TEST(ParseRequestTarget, AcceptsRawBracketsInTheQuery) {
    // What PHP clients and the official WooCommerce client send unencoded.
    const std::string target = "/orders?status[0]=completed&status[1]=processing&include[]=7";
    const HttpRequest request = Parsed(target);
    EXPECT_EQ(request.target, target);
    EXPECT_EQ(request.path, "/orders");
    EXPECT_EQ(request.query,
              (std::map<std::string, std::string>{
                  {"status[0]", "completed"}, {"status[1]", "processing"}, {"include[]", "7"}}));
}

TEST(ParseRequestTarget, RawAndEncodedBracketsReadAlike) {
    EXPECT_EQ(Parsed("/?k%5B%5D=1&m%5Ba%5D=%5B2%5D").query, Parsed("/?k[]=1&m[a]=[2]").query);
}

TEST(ParseRequestTarget, AcceptsTheOtherUnwiseCharactersInTheQuery) {
    const HttpRequest request = Parsed(R"(/x?a={1}&b=x|y&c=^`&d=\&e="<>")");
    EXPECT_EQ(request.Query("a"), "{1}");
    EXPECT_EQ(request.Query("b"), "x|y");
    EXPECT_EQ(request.Query("c"), "^`");
    EXPECT_EQ(request.Query("d"), "\\");
    EXPECT_EQ(request.Query("e"), R"("<>")");
}

TEST(ParseRequestTarget, AcceptsBracketsInAnAbsoluteFormQuery) {
    const HttpRequest request = Parsed("http://[::1]:8080/x?k[0]=v");
    EXPECT_EQ(request.path, "/x");
    EXPECT_EQ(request.Query("k[0]"), "v");
}

TEST(ParseRequestTarget, RejectsInvalidTargets) {
    for (const char* target : {"",
                               "relative/path",
                               "/a b",
                               "/bad%zz",
                               "/x#fragment",
                               "*",
                               "urn:isbn:123",
                               // Lenient in the query only, and only for printable ASCII.
                               "/a[0]",
                               "/a{b}?x=1",
                               "/x?a=1 2",
                               "/x?a=%zz",
                               "/x?a=%4",
                               "/x?a[0]=1#frag",
                               "/x?a=\x01",
                               "/x?a=\x7F",
                               "/x?a=\xC3\xBC"}) {
        HttpRequest request;
        const Status parsed = ParseRequestTarget(target, request);
        ASSERT_FALSE(parsed) << target;
        EXPECT_EQ(parsed.error().code, ErrorCode::kBadRequest) << target;
    }
}

TEST(HttpRequest, HeaderLookupIgnoresCaseAndTakesTheFirst) {
    HttpRequest request;
    request.headers = {{"Content-Type", "a"}, {"x-token", "1"}, {"X-Token", "2"}};
    EXPECT_EQ(request.Header("content-type"), "a");
    EXPECT_EQ(request.Header("X-TOKEN"), "1");
    EXPECT_FALSE(request.Header("Missing"));
    EXPECT_FALSE(request.Header("X-Toke"));
}

TEST(HttpRequest, QueryLookup) {
    HttpRequest request;
    request.query = {{"a", "1"}};
    EXPECT_EQ(request.Query("a"), "1");
    EXPECT_FALSE(request.Query("A"));
}

TEST(RequestId, AcceptsSafeIdsUpTo128Chars) {
    EXPECT_TRUE(IsValidRequestId("a"));
    EXPECT_TRUE(IsValidRequestId("Az09._:-"));
    EXPECT_TRUE(IsValidRequestId(std::string(128, 'x')));
    EXPECT_FALSE(IsValidRequestId(""));
    EXPECT_FALSE(IsValidRequestId(std::string(129, 'x')));
}

TEST(RequestId, RejectsUnsafeCharacters) {
    for (const char* bad : {"a b", "a/b", "a\r\nb", "id\"", "\xC3\xBC", "a\tb", "a,b"}) {
        EXPECT_FALSE(IsValidRequestId(bad)) << bad;
    }
}

TEST(RequestId, GeneratesDistinctValidUuids) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = NewRequestId();
        ASSERT_EQ(id.size(), 36U);
        ASSERT_TRUE(IsValidRequestId(id));
        EXPECT_EQ(id[14], '4');  // UUID version 4
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000U);
}

TEST(RequestId, ResolveKeepsValidHeaderAndReplacesTheRest) {
    EXPECT_EQ(ResolveRequestId("req-1"), "req-1");
    EXPECT_EQ(ResolveRequestId(std::nullopt).size(), 36U);
    const std::string replaced = ResolveRequestId("not valid");
    EXPECT_EQ(replaced.size(), 36U);
    EXPECT_NE(replaced, "not valid");
}

}  // namespace
}  // namespace scs
