// Catalogue and stock over real HTTP: control routes, productVariants, nodes(ids:) and the
// inventorySetQuantities mutation with compare-and-set and @idempotent replay.
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "sandbox_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kShop = "stock.myshopify.com";
constexpr const char* kToken = "shpat_stock";
constexpr const char* kSetStock = R"(
mutation SetStock($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta quantityAfterChange item { id } location { id } } }
    userErrors { code field message }
  }
})";

class SandboxInventoryTest : public ::testing::Test {
protected:
    SandboxInventoryTest()
        : store_(sandbox_.CreateStore(
              {{"shop", kShop}, {"access_token", kToken}, {"webhook_secret", "s"}})) {}

    JsonResult Set(const json::object& quantity,
                   const std::string& key,
                   const std::string& version = "2026-10") {
        const json::object input{{"name", "available"},
                                 {"reason", "correction"},
                                 {"referenceDocumentUri", "scs://push/1"},
                                 {"quantities", json::array{quantity}}};
        return sandbox_.GraphqlAt(
            version, kShop, kToken, kSetStock, {{"input", input}, {"key", key}});
    }

    json::object Level(size_t index) {
        return sandbox_.Call("GET", "/_sandbox/stores/" + store_ + "/inventory")
            .body.at("levels")
            .at(index)
            .as_object();
    }

    json::object Stats() {
        return sandbox_.Call("GET", "/_sandbox/stores/" + store_ + "/stats").body.as_object();
    }

    static std::string Gid(std::string_view type, const json::value& id) {
        return "gid://shopify/" + std::string(type) + "/" + std::string(id.as_string());
    }

    SandboxFixture sandbox_;
    std::string store_;
};

TEST_F(SandboxInventoryTest, SeedsLocationsCatalogueAndStock) {
    const auto locations = sandbox_.Call("GET", "/_sandbox/stores/" + store_ + "/locations");
    ASSERT_EQ(locations.status, 200);
    EXPECT_EQ(locations.body.at("locations").at(0).at("name"), "Riyadh Warehouse");
    EXPECT_EQ(locations.body.at("locations").as_array().size(), 2U);
    const auto levels =
        sandbox_.Call("GET", "/_sandbox/stores/" + store_ + "/inventory").body.at("levels");
    EXPECT_EQ(levels.as_array().size(), 18U * 2);  // 6 products x 3 variants, at both locations
    EXPECT_EQ(levels.at(0).at("available"), 20);
    const auto page = sandbox_.GraphqlAt("2026-10",
                                         kShop,
                                         kToken,
                                         R"(
query Listings($first: Int!, $after: String) {
  productVariants(first: $first, after: $after, sortKey: ID) {
    nodes { id title sku product { id title } inventoryItem { id tracked } }
    pageInfo { hasNextPage endCursor }
  }
})",
                                         {{"first", 10}});
    ASSERT_EQ(page.status, 200) << page.raw.body;
    const auto& variants = page.body.at("data").at("productVariants");
    EXPECT_EQ(variants.at("nodes").as_array().size(), 10U);
    EXPECT_EQ(variants.at("nodes").at(0).at("sku"), "SKU-100-1");
    EXPECT_EQ(variants.at("pageInfo").at("hasNextPage"), true);
    EXPECT_EQ(page.body.at("extensions").at("cost").at("requestedQueryCost"), 2 + 10 * 3);
}

TEST_F(SandboxInventoryTest, AddsProductsAndReadsLevelsThroughNodes) {
    const auto created = sandbox_.Call(
        "POST",
        "/_sandbox/stores/" + store_ + "/products",
        R"({"title":"Dates","variants":[{"sku":"DUP","title":"1kg"},{"sku":"DUP"},{"sku":""}],"stock":{"65000000001":4}})");
    ASSERT_EQ(created.status, 201) << created.raw.body;
    const auto& item = created.body.at("variants").at(0).at("inventory_item_id");
    const auto nodes = sandbox_.GraphqlAt(
        "2026-10",
        kShop,
        kToken,
        R"(
query Levels($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on InventoryItem { id tracked inventoryLevels(first: 50) { nodes { location { id } quantities(names: ["available"]) { name quantity } } } }
  }
})",
        {{"ids", json::array{Gid("InventoryItem", item), "gid://shopify/InventoryItem/1"}}});
    ASSERT_EQ(nodes.status, 200) << nodes.raw.body;
    const auto& list = nodes.body.at("data").at("nodes");
    EXPECT_TRUE(list.at(1).is_null());
    const auto& level = list.at(0).at("inventoryLevels").at("nodes").at(0);
    EXPECT_EQ(level.at("location").at("id"), "gid://shopify/Location/65000000001");
    EXPECT_EQ(level.at("quantities").at(0).at("quantity"), 4);
}

TEST_F(SandboxInventoryTest, SetsStockOnceAndReplaysTheKey) {
    const json::object level = Level(0);
    json::object quantity{{"inventoryItemId", Gid("InventoryItem", level.at("inventory_item_id"))},
                          {"locationId", Gid("Location", level.at("location_id"))},
                          {"quantity", 5},
                          {"changeFromQuantity", 20}};
    const auto first = Set(quantity, "push-1");
    ASSERT_EQ(first.status, 200) << first.raw.body;
    const auto& payload = first.body.at("data").at("inventorySetQuantities");
    EXPECT_TRUE(payload.at("userErrors").as_array().empty()) << first.raw.body;
    EXPECT_EQ(payload.at("inventoryAdjustmentGroup").at("changes").at(0).at("delta"), -15);
    EXPECT_EQ(Level(0).at("available"), 5);
    const auto replay = Set(quantity, "push-1");
    EXPECT_EQ(json::serialize(replay.body.at("data")), json::serialize(first.body.at("data")));
    EXPECT_EQ(Level(0).at("available"), 5);
    EXPECT_EQ(Stats().at("inventory_set_calls"), 2);
    EXPECT_EQ(Stats().at("inventory_set_replays"), 1);
    quantity["quantity"] = 6;
    EXPECT_EQ(Set(quantity, "push-1")
                  .body.at("data")
                  .at("inventorySetQuantities")
                  .at("userErrors")
                  .at(0)
                  .at("code"),
              "IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
}

TEST_F(SandboxInventoryTest, AStoreSideEditMakesTheCompareAndSetStale) {
    const json::object level = Level(0);
    const auto patched = sandbox_.Call(
        "PATCH",
        "/_sandbox/stores/" + store_ + "/inventory",
        json::serialize(json::object{{"inventory_item_id", level.at("inventory_item_id")},
                                     {"location_id", level.at("location_id")},
                                     {"available", 19}}));
    ASSERT_EQ(patched.status, 200) << patched.raw.body;
    const json::object quantity{
        {"inventoryItemId", Gid("InventoryItem", level.at("inventory_item_id"))},
        {"locationId", Gid("Location", level.at("location_id"))},
        {"quantity", 5},
        {"changeFromQuantity", 20}};
    const auto stale = Set(quantity, "push-2");
    const auto& error = stale.body.at("data").at("inventorySetQuantities").at("userErrors").at(0);
    EXPECT_EQ(error.at("code"), "CHANGE_FROM_QUANTITY_STALE");
    EXPECT_EQ(error.at("field"), (json::array{"input", "quantities", "0", "changeFromQuantity"}));
    EXPECT_EQ(Level(0).at("available"), 19);
    EXPECT_EQ(Set(quantity, "push-2")
                  .body.at("data")
                  .at("inventorySetQuantities")
                  .at("userErrors")
                  .at(0)
                  .at("code"),
              "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED");
}

TEST_F(SandboxInventoryTest, RequiresTheIdempotencyKeyFrom202604) {
    const json::object level = Level(0);
    const json::object input{
        {"name", "available"},
        {"reason", "correction"},
        {"quantities",
         json::array{{{"inventoryItemId", Gid("InventoryItem", level.at("inventory_item_id"))},
                      {"locationId", Gid("Location", level.at("location_id"))},
                      {"quantity", 1},
                      {"changeFromQuantity", nullptr}}}}};
    const std::string unkeyed = R"(mutation S($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) { userErrors { code } } })";
    const auto refused = sandbox_.GraphqlAt("2026-10", kShop, kToken, unkeyed, {{"input", input}});
    EXPECT_EQ(refused.body.at("errors").at(0).at("extensions").at("code"), "BAD_REQUEST");
    EXPECT_EQ(Level(0).at("available"), 20);
    json::object old_input = input;
    old_input["ignoreCompareQuantity"] = true;
    const auto accepted =
        sandbox_.GraphqlAt("2026-01", kShop, kToken, unkeyed, {{"input", old_input}});
    EXPECT_TRUE(
        accepted.body.at("data").at("inventorySetQuantities").at("userErrors").as_array().empty())
        << accepted.raw.body;
    EXPECT_EQ(Level(0).at("available"), 1);
}

}  // namespace
}  // namespace scs::testing
