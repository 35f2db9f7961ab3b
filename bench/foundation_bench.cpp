// The per-request costs of the foundation: routing, bearer-token checks, sealing and opening
// credentials, and the JSON error body. Figures go in docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>

#include "api/auth.hpp"
#include "http/response.hpp"
#include "http/router.hpp"
#include "security/crypto.hpp"
#include "security/secret_box.hpp"

namespace scs {
namespace {

Router BuildApiLikeRouter() {
    Router router;
    auto ok = [](HttpRequest&) {
        return HttpResponse{};
    };
    for (const char* resource :
         {"syncs", "sync_status", "orders", "inventory", "pushes", "webhooks"}) {
        router.Add("GET",
                   std::string("/api/v1/sellers/{seller_id}/sales_channels/{ssc_id}/") + resource,
                   ok);
        router.Add("POST",
                   std::string("/api/v1/sellers/{seller_id}/sales_channels/{ssc_id}/") + resource,
                   ok);
    }
    router.Add("GET", "/api/v1/sellers/{seller_id}/sales_channels", ok);
    router.Add("GET", "/api/v1/sellers/{seller_id}/sales_channels/{ssc_id}", ok);
    router.Add("GET", "/health", ok);
    return router;
}

void BM_RouterDispatch(benchmark::State& state) {
    const Router router = BuildApiLikeRouter();
    for (auto _ : state) {
        HttpRequest request;
        request.method = "GET";
        request.path = "/api/v1/sellers/seller-42/sales_channels/17/orders";
        benchmark::DoNotOptimize(router.Dispatch(request));
    }
}

BENCHMARK(BM_RouterDispatch);

void BM_AuthenticateBearer(benchmark::State& state) {
    std::map<std::string, std::string> sellers;
    for (int i = 0; i < state.range(0); ++i) {
        sellers["seller-" + std::to_string(i)] = HashApiToken("token-" + std::to_string(i));
    }
    const TokenAuthenticator auth(HashApiToken("admin-token-0123456789"), sellers);
    HttpRequest request;
    request.headers.emplace_back("Authorization", "Bearer token-7");
    for (auto _ : state) {
        benchmark::DoNotOptimize(auth.Authenticate(request));
    }
}

BENCHMARK(BM_AuthenticateBearer)->Arg(10)->Arg(1000);

void BM_SealCredentials(benchmark::State& state) {
    const auto box = SecretBox::Create({MasterKey{"k1", std::string(32, 'k')}}).value();
    const std::string credentials = R"({"access_token":"shpat_0123456789abcdef0123456789abcdef"})";
    for (auto _ : state) {
        benchmark::DoNotOptimize(box.Seal(credentials, "scs.credentials.v1/s1/shopify"));
    }
}

BENCHMARK(BM_SealCredentials);

void BM_OpenCredentials(benchmark::State& state) {
    const auto box = SecretBox::Create({MasterKey{"k1", std::string(32, 'k')}}).value();
    const auto sealed = box.Seal(R"({"access_token":"shpat_0123456789abcdef"})", "aad").value();
    for (auto _ : state) {
        benchmark::DoNotOptimize(box.Open(sealed, "aad"));
    }
}

BENCHMARK(BM_OpenCredentials);

void BM_ErrorResponse(benchmark::State& state) {
    const Error error{ErrorCode::kBadRequest,
                      "settings.safety_stock: must be 0 to 1000000",
                      "settings.safety_stock",
                      std::nullopt};
    for (auto _ : state) {
        benchmark::DoNotOptimize(ErrorResponse(error));
    }
}

BENCHMARK(BM_ErrorResponse);

}  // namespace
}  // namespace scs
