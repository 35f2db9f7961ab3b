// Order mapping throughput on one core: Shopify REST/webhook JSON and GraphQL JSON -> the
// canonical order, and the canonical order -> its JSON + content hash (what every sync page and
// webhook does per order). Inputs are the repository's fixtures (a multi-line Riyadh COD order
// in both shapes), read once from SCS_SOURCE_DIR (default: the current directory).
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <benchmark/benchmark.h>

#include "connectors/shopify/order_mapping.hpp"
#include "core/order_json.hpp"
#include "sync/order_upsert.hpp"

namespace scs {
namespace {

std::string Fixture(const std::string& name) {
    const char* root = std::getenv("SCS_SOURCE_DIR");  // NOLINT(concurrency-mt-unsafe): start-up
    const std::string path =
        std::string(root != nullptr ? root : ".") + "/tests/fixtures/shopify/orders/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path + " (set SCS_SOURCE_DIR)");
    }
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

OrderMappingContext Context() {
    OrderMappingContext context;
    context.seller_id = "seller-1";
    context.connection_id = 12;
    context.location_hubs = {{"71234567890123456", "RUH-1"}};
    return context;
}

void MapRest(benchmark::State& state) {
    const auto json = Fixture("riyadh_cod_rest.json");
    const auto context = Context();
    for (auto _ : state) {
        auto order = MapShopifyRestOrder(json, context);
        benchmark::DoNotOptimize(order);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(json.size()));
}

BENCHMARK(MapRest);

void MapGraphql(benchmark::State& state) {
    const auto json = Fixture("riyadh_cod_graphql.json");
    const auto context = Context();
    for (auto _ : state) {
        auto order = MapShopifyGraphqlOrder(json, context);
        benchmark::DoNotOptimize(order);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(json.size()));
}

BENCHMARK(MapGraphql);

// What the sync writes per changed order: the canonical JSON and the content hash.
void CanonicalJsonAndHash(benchmark::State& state) {
    auto order = MapShopifyRestOrder(Fixture("riyadh_cod_rest.json"), Context());
    if (!order) {
        state.SkipWithError(order.error().message.c_str());
        return;
    }
    for (auto _ : state) {
        auto json = OrderToJson(*order);
        auto hash = CanonicalContentHash(*order);
        benchmark::DoNotOptimize(json);
        benchmark::DoNotOptimize(hash);
    }
    state.SetItemsProcessed(state.iterations());
}

BENCHMARK(CanonicalJsonAndHash);

}  // namespace
}  // namespace scs
