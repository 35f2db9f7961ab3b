// The WooCommerce connector against the real WooCommerce sandbox on loopback: OAuth 1.0a over
// http, full and incremental order paging, the catalogue, stock batches, status changes,
// shipment notes and Shipment Tracking items, webhook subscriptions, and a host's 429s.
#include <set>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../sandbox/sandbox_test_support.hpp"
#include "connectors/woocommerce/woocommerce_connector.hpp"
#include "connectors/woocommerce/woocommerce_rest.hpp"
#include "core/order_mapping_context.hpp"
#include "net/http_client.hpp"
#include "support/memory_vault.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

class WooCommerceSandboxTest : public ::testing::Test {
protected:
    // A site over plain http (OAuth 1.0a only) with `orders` generated orders.
    void CreateSite(int64_t orders, bool shipment_tracking = false) {
        const auto created =
            sandbox_.Call("POST",
                          "/_sandbox/stores",
                          json::serialize(json::object{{"platform", "woocommerce"},
                                                       {"site", "conn-test"},
                                                       {"orders", orders},
                                                       {"ssl", false},
                                                       {"shipment_tracking", shipment_tracking}}));
        ASSERT_EQ(created.status, 201) << created.raw.body;
        store_ = std::string(created.body.at("id").as_string());
        session_.connection.id = 5;
        session_.connection.platform = "woocommerce";
        session_.connection.store_id = std::string(created.body.at("base_url").as_string());
        session_.credentials = {
            {"consumer_key", std::string(created.body.at("consumer_key").as_string())},
            {"consumer_secret", std::string(created.body.at("consumer_secret").as_string())}};
        ConnectorDeps deps;
        deps.settings = {{"allow_private_addresses", "true"}};
        deps.sleep = [this](std::chrono::milliseconds wait) {
            slept_.push_back(wait);
        };
        connector_ = MakeWooCommerceConnector(deps);
    }

    OrderPageRequest Request(int page_size) const {
        OrderPageRequest request;
        request.page_size = page_size;
        request.mapping.seller_id = "seller-1";
        request.mapping.connection_id = session_.connection.id;
        request.mapping.location_hubs = {{"", "HUB-1"}};
        return request;
    }

    // Every page from `request`; fails the test on an error.
    std::vector<FetchedOrder> FetchAll(OrderPageRequest request) {
        std::vector<FetchedOrder> all;
        for (int page = 0; page < 100; ++page) {
            auto fetched = connector_->FetchOrders(session_, request);
            EXPECT_TRUE(fetched) << fetched.error().message;
            if (!fetched) {
                return all;
            }
            std::move(fetched->orders.begin(), fetched->orders.end(), std::back_inserter(all));
            if (fetched->next_cursor.empty()) {
                return all;
            }
            request.cursor = fetched->next_cursor;
        }
        ADD_FAILURE() << "paging did not end";
        return all;
    }

    JsonResult Control(const std::string& method,
                       const std::string& path,
                       const json::object& body = {}) {
        return sandbox_.Call(method, "/_sandbox/stores/" + store_ + path, json::serialize(body));
    }

    // An order of the site that is still open, with the SKUs of its lines.
    std::string OpenOrder(std::vector<FulfillmentLine>& lines) {
        auto page = connector_->FetchOrders(session_, Request(50));
        EXPECT_TRUE(page);
        for (const auto& fetched : page ? page->orders : std::vector<FetchedOrder>{}) {
            const auto order = Control("GET", "/orders/" + fetched.external_id);
            const auto& body = order.body.at("order");
            const std::string status(body.at("status").as_string());
            if (status != "processing" && status != "on-hold" && status != "pending") {
                continue;
            }
            lines.clear();
            for (const auto& line : body.at("line_items").as_array()) {
                lines.push_back(
                    {std::string(line.at("sku").as_string()), line.at("quantity").as_int64()});
            }
            return fetched.external_id;
        }
        ADD_FAILURE() << "no open order on the site";
        return "";
    }

    SandboxFixture sandbox_;
    std::string store_;
    ConnectorPtr connector_;
    ConnectorSession session_;
    std::vector<std::chrono::milliseconds> slept_;
};

TEST_F(WooCommerceSandboxTest, OAuthOverHttpIsAcceptedAndAWrongSecretIsNot) {
    CreateSite(3);
    ASSERT_TRUE(connector_->VerifyCredentials(session_.connection, session_.credentials));
    auto wrong = session_.credentials;
    wrong["consumer_secret"] = "cs_" + std::string(40, '0');
    const auto refused = connector_->VerifyCredentials(session_.connection, wrong);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidCredentials);
    EXPECT_EQ(refused.error().message.find(wrong["consumer_secret"]), std::string::npos);
}

TEST_F(WooCommerceSandboxTest, PagesEveryOrderAndPicksUpAnOrderModifiedLater) {
    CreateSite(250);
    const auto all = FetchAll(Request(100));
    std::set<std::string> ids;
    std::optional<TimePoint> watermark;
    for (const auto& fetched : all) {
        EXPECT_TRUE(fetched.order) << fetched.external_id << ": " << fetched.order.error().message;
        ids.insert(fetched.external_id);
        if (fetched.updated_at && (!watermark || *fetched.updated_at > *watermark)) {
            watermark = fetched.updated_at;
        }
    }
    EXPECT_EQ(ids.size(), 250U);
    ASSERT_TRUE(watermark);

    const std::string changed = *ids.begin();
    const auto patched =
        Control("PATCH", "/orders/" + changed, {{"customer_note", "leave at the door"}});
    ASSERT_EQ(patched.status, 200) << patched.raw.body;
    auto request = Request(100);
    request.updated_since = *watermark;
    std::set<std::string> again;
    for (const auto& fetched : FetchAll(request)) {
        again.insert(fetched.external_id);
    }
    EXPECT_EQ(again.count(changed), 1U);
    EXPECT_LT(again.size(), 250U);
}

TEST_F(WooCommerceSandboxTest, ReadsTheCatalogueAndSetsStockInABatch) {
    CreateSite(0);
    std::vector<Listing> listings;
    ProductPageRequest request;
    request.page_size = 5;
    for (int page = 0; page < 50; ++page) {
        auto fetched = connector_->FetchProducts(session_, request);
        ASSERT_TRUE(fetched) << fetched.error().message;
        listings.insert(listings.end(), fetched->listings.begin(), fetched->listings.end());
        if (fetched->next_cursor.empty()) {
            break;
        }
        request.cursor = fetched->next_cursor;
    }
    ASSERT_GE(listings.size(), 2U);
    std::vector<InventoryKey> keys;
    bool variation = false;
    for (const auto& listing : listings) {
        EXPECT_FALSE(listing.inventory_item_id.empty());
        variation = variation || listing.inventory_item_id.find('/') != std::string::npos;
        keys.push_back({listing.inventory_item_id, "any"});
    }
    EXPECT_TRUE(variation);
    keys.push_back({"999999", "any"});
    auto levels = connector_->ReadInventoryLevels(session_, keys);
    ASSERT_TRUE(levels) << levels.error().message;
    EXPECT_FALSE(levels->at(keys.back()).item_exists);
    ASSERT_TRUE(levels->at(keys[0]).available);

    InventorySetBatch batch{"b1", "correction", {}};
    for (size_t i = 0; i + 1 < keys.size(); ++i) {
        batch.items.push_back({keys[i], static_cast<int64_t>(i) + 3, std::nullopt});
    }
    batch.items.push_back({keys[0], 99, *levels->at(keys[0]).available + 1});  // stale
    batch.items.push_back({keys.back(), 1, std::nullopt});
    auto results = connector_->SetInventory(session_, batch);
    ASSERT_TRUE(results) << results.error().message;
    ASSERT_EQ(results->size(), batch.items.size());
    for (size_t i = 0; i + 2 < results->size(); ++i) {
        EXPECT_EQ((*results)[i].outcome, InventorySetOutcome::kApplied) << (*results)[i].message;
    }
    EXPECT_EQ((*results)[results->size() - 2].outcome, InventorySetOutcome::kStale);
    EXPECT_EQ(results->back().outcome, InventorySetOutcome::kUnknownItem);
    auto after = connector_->ReadInventoryLevels(session_, {keys[0], keys[1]});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->at(keys[0]).available, 3);
    EXPECT_EQ(after->at(keys[1]).available, 4);
}

TEST_F(WooCommerceSandboxTest, ClosesAndCancelsOrders) {
    CreateSite(30);
    std::vector<FulfillmentLine> lines;
    const std::string order = OpenOrder(lines);
    OrderStatusRequest close{order, OrderStatusChange::kClose, "", true, false, false, ""};
    auto closed = connector_->ChangeOrderStatus(session_, close);
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_TRUE(closed->done);
    EXPECT_FALSE(closed->already);
    EXPECT_TRUE(connector_->ChangeOrderStatus(session_, close)->already);
    EXPECT_EQ(Control("GET", "/orders/" + order).body.at("order").at("status"), "completed");
    OrderStatusRequest cancel{
        order, OrderStatusChange::kCancel, "customer", true, false, false, ""};
    EXPECT_EQ(connector_->ChangeOrderStatus(session_, cancel).error().code, ErrorCode::kConflict);
    cancel.order_external_id = "424242";
    EXPECT_EQ(connector_->ChangeOrderStatus(session_, cancel).error().code, ErrorCode::kNotFound);
}

TEST_F(WooCommerceSandboxTest, ShipsWithANoteOnceAndCompletesTheOrder) {
    CreateSite(30);
    std::vector<FulfillmentLine> lines;
    const std::string order = OpenOrder(lines);
    FulfillmentRequest request{order, "TRK-1", "Aramex", "", {}, true};
    auto shipped = connector_->CreateFulfillment(session_, request);
    ASSERT_TRUE(shipped) << shipped.error().message;
    EXPECT_FALSE(shipped->already_existed);
    auto again = connector_->CreateFulfillment(session_, request);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->already_existed);
    EXPECT_EQ(again->fulfillment_id, shipped->fulfillment_id);
    const auto stored = Control("GET", "/orders/" + order).body;
    EXPECT_EQ(stored.at("order").at("status"), "completed");
    int shipment_notes = 0;
    for (const auto& note : stored.at("notes").as_array()) {
        shipment_notes +=
            note.at("note").as_string().starts_with("Shipped via Aramex, tracking TRK-1");
    }
    EXPECT_EQ(shipment_notes, 1);
    request.tracking_number = "TRK-2";
    EXPECT_EQ(connector_->CreateFulfillment(session_, request).error().code, ErrorCode::kConflict);
}

TEST_F(WooCommerceSandboxTest, ShipsPartlyWithTheShipmentTrackingExtension) {
    CreateSite(30, true);
    std::vector<FulfillmentLine> lines;
    const std::string order = OpenOrder(lines);
    ASSERT_FALSE(lines.empty());
    FulfillmentRequest request{
        order, "TRK-9", "DHL", "https://track.test/TRK-9", {lines[0]}, false};
    auto shipped = connector_->CreateFulfillment(session_, request);
    ASSERT_TRUE(shipped) << shipped.error().message;
    EXPECT_FALSE(shipped->fulfillment_id.starts_with("note-"));
    EXPECT_TRUE(connector_->CreateFulfillment(session_, request)->already_existed);
    const auto stored = Control("GET", "/orders/" + order).body;
    ASSERT_EQ(stored.at("trackings").as_array().size(), 1U);
    EXPECT_EQ(stored.at("trackings").at(0).at("tracking_number"), "TRK-9");
    // lines[0] shipped in full: the order is complete exactly when it has no other line.
    EXPECT_EQ(stored.at("order").at("status") == "completed", lines.size() == 1);
}

TEST_F(WooCommerceSandboxTest, SubscribesWebhooksOnceAndRepairsADisabledOne) {
    CreateSite(0);
    WebhookReceiver receiver;
    MemoryVault vault;
    session_.vault = &vault;
    vault.stored = session_.credentials;
    ASSERT_TRUE(connector_->SubscribeWebhooks(session_, receiver.Url()));
    EXPECT_EQ(vault.saves, 1);
    const std::string secret = session_.credentials.at("webhook_secret");
    EXPECT_EQ(vault.stored.at("webhook_secret"), secret);
    const auto listed = Control("GET", "/webhooks").body.at("webhooks").as_array();
    ASSERT_EQ(listed.size(), 4U);
    for (const auto& webhook : listed) {
        EXPECT_EQ(webhook.at("status"), "active");
        EXPECT_EQ(webhook.at("secret").as_string(), secret);
        EXPECT_EQ(webhook.at("delivery_url").as_string(), receiver.Url());
    }

    // The store disables one (as after repeated failed deliveries); subscribing repairs it.
    const auto http = MakeCurlHttpClient();
    WooCommerceRestSettings settings;
    settings.public_only = false;
    WooCommerceRest rest(
        {*http,
         nullptr,
         [](std::chrono::milliseconds) {},
         [] {
             return OAuthStamp{"n-disable", ToUnixMillis(SystemTimeSource().Now()) / 1000};
         }},
        settings,
        session_.connection.store_id,
        {session_.credentials.at("consumer_key"), session_.credentials.at("consumer_secret")});
    const std::string disabled = std::to_string(listed.at(1).at("id").as_int64());
    ASSERT_TRUE(rest.Put(std::string(kWooCommerceApi) + "/webhooks/" + disabled,
                         json::object{{"status", "disabled"}}));
    ASSERT_TRUE(connector_->SubscribeWebhooks(session_, receiver.Url()));
    const auto relisted = Control("GET", "/webhooks").body.at("webhooks").as_array();
    ASSERT_EQ(relisted.size(), 4U);
    for (const auto& webhook : relisted) {
        EXPECT_EQ(webhook.at("status"), "active") << webhook.at("id");
    }
    EXPECT_EQ(vault.saves, 1);
}

TEST_F(WooCommerceSandboxTest, AHostsRateLimitIsWaitedOut) {
    CreateSite(5);
    const auto knobs = Control(
        "PATCH", "/knobs", {{"rate_limit", "429"}, {"retry_after", 1}, {"rate_limit_count", 2}});
    ASSERT_EQ(knobs.status, 200) << knobs.raw.body;
    auto page = connector_->FetchOrders(session_, Request(10));
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->orders.size(), 5U);
    EXPECT_EQ(slept_, (std::vector<std::chrono::milliseconds>(2, std::chrono::seconds(1))));
}

}  // namespace
}  // namespace scs::testing
