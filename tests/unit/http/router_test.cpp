#include "http/router.hpp"

#include <stdexcept>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace scs {
namespace {

Handler Named(std::string name) {
    return [name = std::move(name)](HttpRequest&) {
        return JsonResponse(200, name.c_str());
    };
}

HttpRequest Request(std::string method, std::string path) {
    HttpRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    return request;
}

boost::json::value Body(const HttpResponse& response) {
    return boost::json::parse(response.body);
}

std::optional<std::string> HeaderOf(const HttpResponse& response, std::string_view name) {
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            return value;
        }
    }
    return std::nullopt;
}

class RouterTest : public ::testing::Test {
protected:
    RouterTest() {
        router_.Add("GET", "/api/v1/sellers/{seller_id}/sales_channels", Named("list"));
        router_.Add("POST", "/api/v1/sellers/{seller_id}/sales_channels", Named("create"));
        router_.Add("GET", "/api/v1/sellers/{seller_id}/sales_channels/{ssc_id}", Named("read"));
        router_.Add("GET", "/api/v1/sellers/{seller_id}/sales_channels/stats", Named("stats"));
        router_.Add("GET", "/", Named("root"));
    }

    Router router_;
};

TEST_F(RouterTest, MatchesLiteralsAndFillsParamsAndRoute) {
    HttpRequest request = Request("GET", "/api/v1/sellers/s-1/sales_channels/42");
    const HttpResponse response = router_.Dispatch(request);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(Body(response), "read");
    EXPECT_EQ(request.route, "/api/v1/sellers/{seller_id}/sales_channels/{ssc_id}");
    EXPECT_EQ(request.path_params,
              (std::map<std::string, std::string>{{"seller_id", "s-1"}, {"ssc_id", "42"}}));
}

TEST_F(RouterTest, PicksTheHandlerByMethod) {
    HttpRequest get = Request("GET", "/api/v1/sellers/7/sales_channels");
    HttpRequest post = Request("POST", "/api/v1/sellers/7/sales_channels");
    EXPECT_EQ(Body(router_.Dispatch(get)), "list");
    EXPECT_EQ(Body(router_.Dispatch(post)), "create");
    EXPECT_EQ(post.path_params.at("seller_id"), "7");
}

TEST_F(RouterTest, LiteralSegmentBeatsParameter) {
    HttpRequest request = Request("GET", "/api/v1/sellers/7/sales_channels/stats");
    EXPECT_EQ(Body(router_.Dispatch(request)), "stats");
    EXPECT_EQ(request.route, "/api/v1/sellers/{seller_id}/sales_channels/stats");
    EXPECT_EQ(request.path_params, (std::map<std::string, std::string>{{"seller_id", "7"}}));
}

TEST_F(RouterTest, DecodedCharactersArriveInParams) {
    HttpRequest request = Request("GET", "/api/v1/sellers/a b+c/sales_channels");
    EXPECT_EQ(Body(router_.Dispatch(request)), "list");
    EXPECT_EQ(request.path_params.at("seller_id"), "a b+c");
}

TEST_F(RouterTest, RootMatchesOnlyRoot) {
    HttpRequest root = Request("GET", "/");
    EXPECT_EQ(Body(router_.Dispatch(root)), "root");
    HttpRequest other = Request("GET", "/api");
    EXPECT_EQ(router_.Dispatch(other).status, 404);
}

TEST_F(RouterTest, UnknownPathIs404Json) {
    HttpRequest request = Request("GET", "/nope");
    const HttpResponse response = router_.Dispatch(request);
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(Body(response),
              boost::json::parse(
                  R"({"status":"error","code":"NOT_FOUND","message":"no route for /nope"})"));
    EXPECT_EQ(request.route, "");
    EXPECT_TRUE(request.path_params.empty());
}

TEST_F(RouterTest, EmptyOrMissingSegmentsDoNotMatch) {
    for (const char* path : {"/api/v1/sellers//sales_channels",
                             "/api/v1/sellers/7/sales_channels/",
                             "/api/v1/sellers/7",
                             "/api/v1/sellers/7/sales_channels/1/2"}) {
        HttpRequest request = Request("GET", path);
        EXPECT_EQ(router_.Dispatch(request).status, 404) << path;
    }
}

TEST_F(RouterTest, KnownPathWithOtherMethodIs405WithAllow) {
    HttpRequest request = Request("DELETE", "/api/v1/sellers/7/sales_channels");
    const HttpResponse response = router_.Dispatch(request);
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(Body(response).at("code"), "METHOD_NOT_ALLOWED");
    EXPECT_EQ(HeaderOf(response, "Allow"), "GET, HEAD, POST");
    EXPECT_EQ(request.route, "/api/v1/sellers/{seller_id}/sales_channels");
}

TEST_F(RouterTest, MethodsAreCaseSensitive) {
    HttpRequest request = Request("get", "/");
    EXPECT_EQ(router_.Dispatch(request).status, 405);
}

TEST_F(RouterTest, HeadFallsBackToGet) {
    HttpRequest request = Request("HEAD", "/api/v1/sellers/7/sales_channels/9");
    const HttpResponse response = router_.Dispatch(request);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(Body(response), "read");
    EXPECT_EQ(request.route, "/api/v1/sellers/{seller_id}/sales_channels/{ssc_id}");
}

TEST(Router, ExplicitHeadRouteWinsOverGet) {
    Router router;
    router.Add("GET", "/x", Named("get"));
    router.Add("HEAD", "/x", Named("head"));
    HttpRequest request = Request("HEAD", "/x");
    EXPECT_EQ(Body(router.Dispatch(request)), "head");
}

TEST(Router, HeadWithoutGetIs405) {
    Router router;
    router.Add("POST", "/x", Named("post"));
    HttpRequest request = Request("HEAD", "/x");
    const HttpResponse response = router.Dispatch(request);
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(HeaderOf(response, "Allow"), "POST");
}

TEST(Router, MethodMatchWinsOverAMoreSpecificPathOfAnotherMethod) {
    Router router;
    router.Add("POST", "/orders/stats", Named("post-stats"));
    router.Add("GET", "/orders/{id}", Named("get-order"));
    HttpRequest request = Request("GET", "/orders/stats");
    EXPECT_EQ(Body(router.Dispatch(request)), "get-order");
    EXPECT_EQ(request.path_params.at("id"), "stats");
}

TEST(Router, EmptyRouterAnswers404) {
    const Router router;
    HttpRequest request = Request("GET", "/");
    EXPECT_EQ(router.Dispatch(request).status, 404);
}

TEST(Router, HandlerExceptionsPassThrough) {
    Router router;
    router.Add(
        "GET", "/boom", [](HttpRequest&) -> HttpResponse { throw std::runtime_error("boom"); });
    HttpRequest request = Request("GET", "/boom");
    EXPECT_THROW(router.Dispatch(request), std::runtime_error);
}

TEST(Router, RejectsMalformedPatterns) {
    Router router;
    EXPECT_THROW(router.Add("GET", "no-slash", Named("x")), std::invalid_argument);
    EXPECT_THROW(router.Add("GET", "/a/{", Named("x")), std::invalid_argument);
    EXPECT_THROW(router.Add("GET", "/a/{}", Named("x")), std::invalid_argument);
    EXPECT_THROW(router.Add("GET", "/a/x{id}", Named("x")), std::invalid_argument);
    EXPECT_THROW(router.Add("GET", "/a/{bad-name}", Named("x")), std::invalid_argument);
    EXPECT_THROW(router.Add("", "/a", Named("x")), std::invalid_argument);
    EXPECT_THROW(router.Add("GET", "/a", Handler{}), std::invalid_argument);
}

TEST(Router, RejectsDuplicateRoutes) {
    Router router;
    router.Add("GET", "/a/{id}", Named("x"));
    EXPECT_THROW(router.Add("GET", "/a/{other}", Named("y")), std::invalid_argument);
    EXPECT_NO_THROW(router.Add("POST", "/a/{id}", Named("z")));
    EXPECT_NO_THROW(router.Add("GET", "/a/literal", Named("w")));
}

}  // namespace
}  // namespace scs
