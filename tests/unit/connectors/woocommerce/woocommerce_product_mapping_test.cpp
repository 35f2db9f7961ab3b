#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "connectors/woocommerce/woocommerce_mapping.hpp"
#include "woocommerce_fixtures.hpp"

namespace scs {
namespace {

namespace json = boost::json;

using testing::WooCommerceFixture;

json::value Fixture(const std::string& name) {
    return json::parse(WooCommerceFixture("products/" + name + ".json"));
}

std::vector<Listing> Map(const json::value& product, const json::value& variations) {
    auto listings = MapWooCommerceProduct(product, variations);
    EXPECT_TRUE(listings.has_value()) << listings.error().message;
    return listings.value_or(std::vector<Listing>{});
}

TEST(WooCommerceProductMappingTest, ASimpleProductIsOneListing) {
    // Variations are ignored for a simple product, whatever is passed.
    const auto listings = Map(Fixture("simple_product"), json::array{});
    ASSERT_EQ(listings.size(), 1U);
    EXPECT_EQ(listings[0], (Listing{"DALLAH-CU", "640", "640", "640", "دلة قهوة نحاسية", true}));
    EXPECT_EQ(Map(Fixture("simple_product"), nullptr), listings);
}

TEST(WooCommerceProductMappingTest, AVariableProductIsOneListingPerVariation) {
    const auto listings = Map(Fixture("variable_product"), Fixture("variable_product_variations"));
    ASSERT_EQ(listings.size(), 3U);
    EXPECT_EQ(listings[0],
              (Listing{"SHM-RED-L", "502", "611", "502/611", "شماغ أحمر / أحمر / كبير", true}));
    // manage_stock "parent": the stock is the product's, which tracks it.
    EXPECT_EQ(listings[1],
              (Listing{"SHM-RED-M", "502", "612", "502/612", "شماغ أحمر / أحمر / وسط", true}));
    // Not tracked, and a duplicate SKU passed through for the sync to report.
    EXPECT_EQ(listings[2],
              (Listing{"SHM-RED-M", "502", "613", "502/613", "شماغ أحمر / أبيض / وسط", false}));
}

TEST(WooCommerceProductMappingTest, ParentManageStockFollowsTheProduct) {
    json::object product = Fixture("variable_product").as_object();
    product["manage_stock"] = false;
    const auto listings = Map(product, Fixture("variable_product_variations"));
    ASSERT_EQ(listings.size(), 3U);
    EXPECT_TRUE(listings[0].tracked);   // its own true
    EXPECT_FALSE(listings[1].tracked);  // "parent": now false
    EXPECT_FALSE(listings[2].tracked);
}

TEST(WooCommerceProductMappingTest, MissingSkuIsEmptyAndPassedThrough) {
    json::object product = Fixture("simple_product").as_object();
    product["sku"] = "";
    EXPECT_EQ(Map(product, nullptr).at(0).sku, "");
    product["sku"] = nullptr;
    EXPECT_EQ(Map(product, nullptr).at(0).sku, "");
    json::array variations = Fixture("variable_product_variations").as_array();
    variations[0].as_object()["sku"] = "";
    EXPECT_EQ(Map(Fixture("variable_product"), variations).at(0).sku, "");
}

TEST(WooCommerceProductMappingTest, AVariationWithoutOptionsIsTitledByTheProduct) {
    json::array variations = Fixture("variable_product_variations").as_array();
    variations[0].as_object()["attributes"] = json::array{};
    EXPECT_EQ(Map(Fixture("variable_product"), variations).at(0).title, "شماغ أحمر");
}

TEST(WooCommerceProductMappingTest, GroupedAndExternalProductsHaveNoSellableUnit) {
    json::object product = Fixture("simple_product").as_object();
    for (const char* type : {"grouped", "external"}) {
        product["type"] = type;
        EXPECT_TRUE(Map(product, nullptr).empty()) << type;
    }
    product["type"] = "subscription";  // an extension's type: sold as itself
    EXPECT_EQ(Map(product, nullptr).size(), 1U);
    EXPECT_TRUE(Map(Fixture("variable_product"), json::array{}).empty());
    json::object subscription = Fixture("variable_product").as_object();
    subscription["type"] = "variable-subscription";
    EXPECT_EQ(Map(subscription, Fixture("variable_product_variations")).size(), 3U);
}

TEST(WooCommerceProductMappingTest, NamesTheFieldOfEveryFailure) {
    struct Case {
        std::string what;
        json::value product;
        json::value variations;
        std::string field;
    };

    json::object double_id = Fixture("simple_product").as_object();
    double_id["id"] = 640.0;
    json::object parent_on_product = Fixture("simple_product").as_object();
    parent_on_product["manage_stock"] = "parent";
    json::array bad_variation = Fixture("variable_product_variations").as_array();
    bad_variation[1].as_object()["manage_stock"] = "yes";
    json::array no_id = Fixture("variable_product_variations").as_array();
    no_id[2].as_object().erase("id");
    const std::vector<Case> cases = {
        {"product id as a double", double_id, nullptr, "id"},
        {"parent on a product", parent_on_product, nullptr, "manage_stock"},
        {"variations not an array", Fixture("variable_product"), json::object{}, "variations"},
        {"variation not an object", Fixture("variable_product"), json::array{1}, "variations[0]"},
        {"bad manage_stock",
         Fixture("variable_product"),
         bad_variation,
         "variations[1].manage_stock"},
        {"variation without id", Fixture("variable_product"), no_id, "variations[2].id"},
    };
    for (const auto& c : cases) {
        const auto mapped = MapWooCommerceProduct(c.product, c.variations);
        ASSERT_FALSE(mapped.has_value()) << c.what;
        EXPECT_EQ(mapped.error().code, ErrorCode::kInvalidPayload) << c.what;
        EXPECT_EQ(mapped.error().field, c.field) << c.what << ": " << mapped.error().message;
    }
    EXPECT_FALSE(MapWooCommerceProduct(json::array{}, nullptr).has_value());
}

}  // namespace
}  // namespace scs
