// Push back to the store end to end (issue 5's "done when"), the real binary as sandbox, API
// server and worker: stock set for many SKUs across two locations with the coalescing and the
// ledger visible; an unmapped hub reported while the other items go through; a store that sold
// units since the last push never oversold; a fulfilment created once when the same request is
// sent twice and when the worker is killed after the platform call and the job is retried;
// cancel and close reflected in the store and, through the webhooks that follow, in the
// canonical order; the inventory push inside the store's rate budget while an orders sync runs.
#include <csignal>
#include <map>
#include <set>
#include <thread>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "shopify_e2e_support.hpp"

namespace scs::e2e {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

constexpr auto kPoll = 100ms;

struct Level {
    std::string sku;
    std::string inventory_item_id;
    std::string location_id;
    int64_t available = 0;
};

class PushE2E : public ::testing::Test, public ShopifyE2E {
protected:
    void SetUp() override { StartSandbox(); }

    void TearDown() override {
        if (worker_) {
            EXPECT_EQ(worker_->Stop(SIGTERM), 0) << worker_->Stderr();
        }
        if (api_) {
            EXPECT_EQ(api_->Stop(SIGTERM), 0) << api_->Stderr();
        }
    }

    // A store with two locations and the generated catalogue, the service (API and worker as
    // two processes) connected to it with hubs RUH and JED mapped to the two locations, and
    // the catalogue and orders synced.
    void Prepare(int orders,
                 int64_t safety_stock,
                 const std::string& store_extra = {},
                 const std::string& shopify_yaml =
                     "    rate_bucket_size: 20000\n    rate_restore_per_second: 1000\n") {
        std::string extra =
            R"("locations":["Riyadh Warehouse","Jeddah Warehouse"],"initial_stock":20)";
        if (!store_extra.empty()) {
            extra += "," + store_extra;
        }
        store_ =
            CreateStore("push-" + std::to_string(SandboxPort()) + ".myshopify.com", orders, extra);
        // No orders freeze: the reconciler's first run right after connecting would otherwise
        // hold back the test's own orders syncs.
        Configure("sync:\n  freeze_times:\n    orders: 0s\n", shopify_yaml);
        api_ = StartService({"serve"});
        worker_ = StartService({"work"});
        connection_ = Connect(store_);
        ASSERT_GT(connection_, 0);
        const auto locations = SandboxGet("/_sandbox/stores/" + store_.id + "/locations");
        const auto& list = locations.at("locations").as_array();
        ASSERT_GE(list.size(), 2U);
        riyadh_ = std::string(list[0].at("id").as_string());
        jeddah_ = std::string(list[1].at("id").as_string());
        auto patched =
            Api("PATCH",
                ConnectionPath(connection_),
                R"({"settings":{"hub_locations":{"RUH":")" + riyadh_ + R"(","JED":")" + jeddah_ +
                    R"("},"safety_stock":)" + std::to_string(safety_stock) + "}}");
        ASSERT_EQ(patched.status, 200) << patched.body;
        ASSERT_EQ(SyncEntity("products"), "succeeded");
        if (orders > 0) {
            ASSERT_EQ(SyncEntity("orders"), "succeeded");
        }
    }

    std::string SyncEntity(const std::string& entity) {
        return ShopifyE2E::SyncEntity(connection_, entity);
    }

    void WaitForRunningSync(const std::string& entity) const {
        WaitForNewestRun(connection_, entity);
    }

    testing::HttpResult StartSync(const std::string& entity) const {
        return Api(
            "POST", ConnectionPath(connection_) + "/syncs", R"({"entity":")" + entity + "\"}");
    }

    // The SKUs of the store's catalogue, from the service's listing table.
    std::vector<std::string> Skus() {
        auto r = Api("GET", ConnectionPath(connection_) + "/listings?limit=200");
        EXPECT_EQ(r.status, 200) << r.body;
        std::set<std::string> skus;
        const auto body = Json(r);
        for (const auto& listing : body.at("data").at("listings").as_array()) {
            const auto sku = std::string(listing.at("sku").as_string());
            if (!sku.empty()) {
                skus.insert(sku);
            }
        }
        return {skus.begin(), skus.end()};
    }

    int64_t PushInventory(const std::string& items_json) {
        return ShopifyE2E::PushInventory(connection_, items_json);
    }

    json::object Push(int64_t id) const {
        auto r = Api("GET", ConnectionPath(connection_) + "/pushes/" + std::to_string(id));
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? Json(r).at("data").as_object() : json::object{};
    }

    json::object WaitForPush(int64_t id, std::chrono::seconds timeout = 60s) const {
        return ShopifyE2E::WaitForPush(connection_, id, timeout);
    }

    // The store's levels by SKU and location id, from the sandbox.
    std::map<std::pair<std::string, std::string>, Level> Levels() const {
        std::map<std::pair<std::string, std::string>, Level> out;
        const auto levels = SandboxGet("/_sandbox/stores/" + store_.id + "/inventory");
        for (const auto& value : levels.at("levels").as_array()) {
            Level level{std::string(value.at("sku").as_string()),
                        std::string(value.at("inventory_item_id").as_string()),
                        std::string(value.at("location_id").as_string()),
                        value.at("available").to_number<int64_t>()};
            out[{level.sku, level.location_id}] = level;
        }
        return out;
    }

    double SandboxStat(const std::string& name) const {
        const auto stats = SandboxGet("/_sandbox/stores/" + store_.id + "/stats");
        const auto* value = stats.as_object().if_contains(name);
        return value == nullptr ? 0 : value->to_number<double>();
    }

    json::object SandboxOrder(const std::string& external_id) const {
        return SandboxGet("/_sandbox/stores/" + store_.id + "/orders/" + external_id).as_object();
    }

    // An order of the connection that the store shows neither fulfilled nor cancelled nor
    // closed, and that is not in `taken`.
    std::string OpenOrder(std::set<std::string>& taken) const {
        for (const auto& order : ListOrders(connection_)) {
            auto id = ExternalId(order);
            const auto status = std::string(order.at("status").as_string());
            if (taken.count(id) == 0 && (status == "pending" || status == "confirmed")) {
                taken.insert(id);
                return id;
            }
        }
        ADD_FAILURE() << "no open order left";
        return {};
    }

    std::string OrderPath(const std::string& external_id) const {
        return ConnectionPath(connection_) + "/orders/" + external_id;
    }

    bool WaitForOrderStatus(const std::string& external_id, const std::string& status) const {
        return ShopifyE2E::WaitForOrderStatus(connection_, external_id, status);
    }

    SandboxStore store_;
    int64_t connection_ = 0;
    std::string riyadh_;
    std::string jeddah_;
    std::unique_ptr<testing::ChildProcess> api_;
    std::unique_ptr<testing::ChildProcess> worker_;
};

std::string ItemsJson(const std::vector<std::string>& skus,
                      const std::vector<std::string>& hubs,
                      const std::function<int64_t(size_t)>& quantity) {
    json::array items;
    size_t n = 0;
    for (const auto& sku : skus) {
        for (const auto& hub : hubs) {
            items.push_back(
                json::object{{"sku", sku}, {"hub_code", hub}, {"quantity", quantity(n++)}});
        }
    }
    return json::serialize(items);
}

int64_t ItemCount(const json::object& push, const char* state) {
    return push.at("item_counts").at(state).to_number<int64_t>();
}

TEST_F(PushE2E, StockForManySkusAcrossTwoLocationsIsCoalescedAndLedgered) {
    Prepare(0, 1);
    const auto skus = Skus();
    ASSERT_GE(skus.size(), 12U);
    // The worker is down while two pushes of the same SKUs arrive: the later one wins.
    EXPECT_EQ(worker_->Stop(SIGTERM), 0) << worker_->Stderr();
    const auto first_quantity = [](size_t) {
        return int64_t{50};
    };
    const auto second_quantity = [](size_t n) {
        return static_cast<int64_t>(5 + n % 7);
    };
    const int64_t first = PushInventory(ItemsJson(skus, {"RUH", "JED"}, first_quantity));
    const int64_t second = PushInventory(ItemsJson(skus, {"RUH", "JED"}, second_quantity));
    const double calls_before = SandboxStat("inventory_set_calls");
    worker_ = StartService({"work"});

    const auto settled = WaitForPush(second);
    EXPECT_EQ(settled.at("state").as_string(), "done") << json::serialize(settled);
    EXPECT_EQ(ItemCount(settled, "done"), static_cast<int64_t>(skus.size() * 2));
    const auto superseded = WaitForPush(first);
    EXPECT_EQ(superseded.at("state").as_string(), "skipped") << json::serialize(superseded);
    EXPECT_EQ(ItemCount(superseded, "coalesced"), static_cast<int64_t>(skus.size() * 2));

    // The store holds the second push's quantities less the safety stock of one.
    const auto levels = Levels();
    size_t n = 0;
    for (const auto& sku : skus) {
        for (const auto& location : {riyadh_, jeddah_}) {
            const auto found = levels.find({sku, location});
            ASSERT_NE(found, levels.end()) << sku << " at " << location;
            EXPECT_EQ(found->second.available, second_quantity(n++) - 1)
                << sku << " at " << location;
        }
    }
    // At most one platform write per 250 items: the coalesced push cost nothing.
    EXPECT_LE(SandboxStat("inventory_set_calls") - calls_before, 2);

    // The ledger shows what was set, per SKU and location.
    auto ledger = Api("GET", ConnectionPath(connection_) + "/inventory?limit=200");
    ASSERT_EQ(ledger.status, 200) << ledger.body;
    const auto ledger_json = Json(ledger);
    const auto& entries = ledger_json.at("data").at("entries").as_array();
    EXPECT_EQ(entries.size(), skus.size() * 2);
    for (const auto& entry : entries) {
        const auto key = std::make_pair(std::string(entry.at("sku").as_string()),
                                        std::string(entry.at("location_id").as_string()));
        EXPECT_EQ(entry.at("quantity").to_number<int64_t>(), levels.at(key).available);
    }

    // The same levels again change nothing on the store: every item is skipped by the ledger.
    const double calls_after = SandboxStat("inventory_set_calls");
    const auto again = WaitForPush(PushInventory(ItemsJson(skus, {"RUH", "JED"}, second_quantity)));
    EXPECT_EQ(again.at("state").as_string(), "skipped") << json::serialize(again);
    EXPECT_EQ(ItemCount(again, "skipped"), static_cast<int64_t>(skus.size() * 2));
    EXPECT_EQ(SandboxStat("inventory_set_calls"), calls_after);
}

TEST_F(PushE2E, UnmappedHubIsReportedWhileTheOtherItemsGoThrough) {
    Prepare(0, 0);
    const auto skus = Skus();
    ASSERT_GE(skus.size(), 3U);
    const int64_t id =
        PushInventory(R"([{"sku":")" + skus[0] + R"(","hub_code":"RUH","quantity":4},)" +
                      R"({"sku":")" + skus[1] + R"(","hub_code":"DMM","quantity":5},)" +
                      R"({"sku":")" + skus[2] + R"(","hub_code":"JED","quantity":6}])");
    const auto push = WaitForPush(id);
    EXPECT_EQ(push.at("state").as_string(), "done") << json::serialize(push);
    EXPECT_EQ(ItemCount(push, "done"), 2);
    EXPECT_EQ(ItemCount(push, "failed"), 1);
    for (const auto& item : push.at("items").as_array()) {
        if (item.at("hub_code").as_string() == "DMM") {
            EXPECT_EQ(item.at("state").as_string(), "failed");
            EXPECT_EQ(item.at("error_code").as_string(), "HUB_MAPPING_NOT_FOUND");
        } else {
            EXPECT_EQ(item.at("state").as_string(), "done") << json::serialize(item);
        }
    }
    const auto levels = Levels();
    EXPECT_EQ(levels.at({skus[0], riyadh_}).available, 4);
    EXPECT_EQ(levels.at({skus[2], jeddah_}).available, 6);
    EXPECT_EQ(levels.at({skus[1], riyadh_}).available, 20);  // untouched
}

TEST_F(PushE2E, StoreThatSoldUnitsSinceTheLastPushIsNeverOversold) {
    Prepare(0, 0);
    const auto sku = Skus().at(0);
    const auto one = [&](int64_t quantity) {
        return R"([{"sku":")" + sku + R"(","hub_code":"RUH","quantity":)" +
               std::to_string(quantity) + "}]";
    };
    ASSERT_EQ(WaitForPush(PushInventory(one(10))).at("state").as_string(), "done");
    // Three units sell on the store before the OMS has seen the order.
    const auto level = Levels().at({sku, riyadh_});
    auto sold = testing::HttpCall(SandboxPort(),
                                  "PATCH",
                                  "/_sandbox/stores/" + store_.id + "/inventory",
                                  {{"Content-Type", "application/json"}},
                                  R"({"inventory_item_id":")" + level.inventory_item_id +
                                      R"(","location_id":")" + riyadh_ + R"(","available":7})");
    ASSERT_EQ(sold.status, 200) << sold.body;
    // The OMS, unaware of the sale, restocks to 12: the compare-and-set goes stale, and the
    // store keeps the lower of the two rather than selling units that are gone.
    const auto push = WaitForPush(PushInventory(one(12)));
    const auto& item = push.at("items").as_array().at(0);
    EXPECT_EQ(item.at("state").as_string(), "skipped") << json::serialize(item);
    EXPECT_EQ(item.at("pushed_quantity").to_number<int64_t>(), 7) << json::serialize(item);
    EXPECT_EQ(Levels().at({sku, riyadh_}).available, 7);
    // When the OMS catches up (12 - 3 sold = 9), the push goes through from the ledger's 7.
    const auto caught_up = WaitForPush(PushInventory(one(9)));
    EXPECT_EQ(caught_up.at("state").as_string(), "done");
    EXPECT_EQ(Levels().at({sku, riyadh_}).available, 9);
}

TEST_F(PushE2E, FulfilmentIsCreatedOnceForARepeatedRequestAndAKilledWorker) {
    Prepare(12, 0);
    std::set<std::string> taken;
    const std::string order = OpenOrder(taken);
    const std::string body =
        R"({"tracking_number":"TRK-1001","carrier":"Aramex","tracking_url":"https://track.example/TRK-1001"})";
    auto first = Post(OrderPath(order) + "/fulfillments", body);
    ASSERT_EQ(first.status, 202) << first.body;
    auto repeated = Post(OrderPath(order) + "/fulfillments", body);
    ASSERT_EQ(repeated.status, 200) << repeated.body;
    EXPECT_TRUE(Json(repeated).at("data").at("duplicate").as_bool());
    const int64_t id = Json(first).at("data").at("push").at("id").to_number<int64_t>();
    EXPECT_EQ(Json(repeated).at("data").at("push").at("id").to_number<int64_t>(), id);
    EXPECT_EQ(WaitForPush(id).at("state").as_string(), "done");
    const auto shipped = SandboxOrder(order);
    EXPECT_EQ(shipped.at("order").at("fulfillments").as_array().size(), 1U)
        << json::serialize(shipped);
    EXPECT_EQ(shipped.at("order").at("fulfillment_status").as_string(), "fulfilled");
    EXPECT_TRUE(WaitForOrderStatus(order, "shipped")) << "the orders/fulfilled webhook";

    // The worker dies after Shopify created the fulfilment but before it saw the answer.
    const std::string second = OpenOrder(taken);
    SetKnobs(store_, R"({"answer_delay_ms":4000})");
    auto killed = Post(OrderPath(second) + "/fulfillments",
                       R"({"tracking_number":"TRK-2002","carrier":"SMSA"})",
                       "ship-2002");
    ASSERT_EQ(killed.status, 202) << killed.body;
    const int64_t killed_id = Json(killed).at("data").at("push").at("id").to_number<int64_t>();
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (SandboxOrder(second).at("order").at("fulfillments").as_array().empty() &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
    }
    worker_->Stop(SIGKILL);
    SetKnobs(store_, R"({"answer_delay_ms":0})");
    worker_ = StartService({"work"});
    const auto done = WaitForPush(killed_id, 90s);
    EXPECT_EQ(done.at("state").as_string(), "done") << json::serialize(done);
    EXPECT_TRUE(done.at("result").at("already_existed").as_bool()) << json::serialize(done);
    EXPECT_EQ(SandboxOrder(second).at("order").at("fulfillments").as_array().size(), 1U);
}

TEST_F(PushE2E, CancelAndCloseReachTheStoreAndTheCanonicalOrder) {
    Prepare(12, 0);
    std::set<std::string> taken;
    const std::string cancelled = OpenOrder(taken);
    const std::string closed = OpenOrder(taken);

    auto cancel =
        Post(OrderPath(cancelled) + "/status", R"({"status":"cancelled","reason":"customer"})");
    ASSERT_EQ(cancel.status, 202) << cancel.body;
    const auto cancel_push =
        WaitForPush(Json(cancel).at("data").at("push").at("id").to_number<int64_t>());
    EXPECT_EQ(cancel_push.at("state").as_string(), "done") << json::serialize(cancel_push);
    EXPECT_FALSE(SandboxOrder(cancelled).at("order").at("cancelled_at").is_null());
    EXPECT_TRUE(WaitForOrderStatus(cancelled, "cancelled")) << "the orders/cancelled webhook";

    auto close = Post(OrderPath(closed) + "/status", R"({"status":"closed"})");
    ASSERT_EQ(close.status, 202) << close.body;
    const auto close_push =
        WaitForPush(Json(close).at("data").at("push").at("id").to_number<int64_t>());
    EXPECT_EQ(close_push.at("state").as_string(), "done") << json::serialize(close_push);
    EXPECT_FALSE(SandboxOrder(closed).at("order").at("closed_at").is_null());
    EXPECT_TRUE(WaitForOrderStatus(closed, "closed")) << "the orders/updated webhook";

    // Cancelling again is answered by the first push; a bad status is a clear 400.
    auto again =
        Post(OrderPath(cancelled) + "/status", R"({"status":"cancelled","reason":"customer"})");
    EXPECT_EQ(again.status, 200) << again.body;
    auto bad = Post(OrderPath(cancelled) + "/status", R"({"status":"shipped"})");
    EXPECT_EQ(bad.status, 400) << bad.body;
    auto unknown = Post(OrderPath("999999999") + "/status", R"({"status":"closed"})");
    EXPECT_EQ(unknown.status, 404) << unknown.body;
}

TEST_F(PushE2E, InventoryPushStaysInsideTheRateBudgetWhileASyncRuns) {
    // A small bucket (1,000 points restoring 200 a second), shared by the sync and the push
    // through the service's budget: neither may push the store into throttling.
    Prepare(0,
            0,
            R"("bucket_size":1000,"restore_rate":200)",
            "    rate_bucket_size: 1000\n    rate_restore_per_second: 200\n");
    AddOrders(store_, R"({"count":60})");
    const auto skus = Skus();
    auto sync = StartSync("orders");
    if (sync.status == 409) {  // the reconciler's own run of the still empty store
        WaitForRunningSync("orders");
        sync = StartSync("orders");
    }
    ASSERT_EQ(sync.status, 202) << sync.body;
    std::vector<int64_t> pushes;
    for (int round = 0; round < 5; ++round) {
        pushes.push_back(PushInventory(ItemsJson(
            skus, {"RUH", "JED"}, [round](size_t n) { return static_cast<int64_t>(n + round); })));
        std::this_thread::sleep_for(200ms);
    }
    const int64_t run_id = Json(sync).at("data").at("run").at("id").to_number<int64_t>();
    EXPECT_EQ(WaitForRun(connection_, run_id, 180s).at("status").as_string(), "succeeded");
    for (const int64_t id : pushes) {
        const auto push = WaitForPush(id, 120s);
        const auto state = std::string(push.at("state").as_string());
        EXPECT_TRUE(state == "done" || state == "skipped") << json::serialize(push);
    }
    EXPECT_EQ(SandboxStat("throttled"), 0);
    EXPECT_LE(SandboxStat("max_bucket_used"), 1000);
    const auto levels = Levels();
    size_t n = 0;
    for (const auto& sku : skus) {
        for (const auto& location : {riyadh_, jeddah_}) {
            EXPECT_EQ(levels.at({sku, location}).available, static_cast<int64_t>(n++ + 4));
        }
    }
}

}  // namespace
}  // namespace scs::e2e
