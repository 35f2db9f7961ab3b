// Store identities through the registry: each platform module's own rule (Shopify's shop
// domain, WooCommerce's site URL and its public host) and the catalogue's rule for the others.
#include "connectors/store_identity.hpp"

#include <gtest/gtest.h>

#include "connectors/builtin.hpp"
#include "connectors/catalogue.hpp"

namespace scs {
namespace {

const PlatformInfo& Platform(const std::string& tag) {
    static const auto kCatalogue = BuiltinCatalogue();
    for (const auto& p : kCatalogue) {
        if (p.tag == tag) {
            return p;
        }
    }
    throw std::logic_error("no platform " + tag);
}

// The built-in platforms with `rules` for every platform.
const ConnectorRegistry& Registry(const StoreIdentityRules& rules) {
    static std::map<std::pair<bool, bool>, std::unique_ptr<ConnectorRegistry>> registries;
    auto& registry = registries[{rules.allow_plain_http, rules.allow_private_addresses}];
    if (!registry) {
        registry = std::make_unique<ConnectorRegistry>(BuiltinCatalogue());
        std::map<std::string, ConnectorDeps> deps;
        for (const auto& platform : registry->Catalogue()) {
            deps[platform.tag].identity = rules;
        }
        RegisterBuiltinPlatforms(*registry, deps);
    }
    return *registry;
}

Result<std::string> NormalizeStoreId(const PlatformInfo& platform,
                                     const std::string& store_id,
                                     const StoreIdentityRules& rules) {
    return Registry(rules).StoreIdShape(platform, store_id);
}

Status CheckStoreHostIsPublic(const PlatformInfo& platform,
                              const std::string& store_id,
                              const StoreIdentityRules& rules) {
    auto checked = Registry(rules).NormalizeStoreId(platform, store_id);
    if (!checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    return {};
}

TEST(StoreIdentity, ShopifyDomainsAreNormalised) {
    const StoreIdentityRules rules;
    EXPECT_EQ(
        NormalizeStoreId(Platform("shopify"), "Https://My-Shop.myshopify.com/", rules).value(),
        "my-shop.myshopify.com");
    EXPECT_EQ(NormalizeStoreId(Platform("shopify"), "shop1.myshopify.com", rules).value(),
              "shop1.myshopify.com");
    for (const char* bad : {"shop.example.com",
                            ".myshopify.com",
                            "-x.myshopify.com",
                            "a_b.myshopify.com",
                            "evil.com/.myshopify.com",
                            ""}) {
        auto result = NormalizeStoreId(Platform("shopify"), bad, rules);
        ASSERT_FALSE(result) << bad;
        EXPECT_EQ(result.error().field, "store_id");
    }
}

TEST(StoreIdentity, WooCommerceSiteMustBeHttpsUnlessAllowed) {
    EXPECT_EQ(
        NormalizeStoreId(Platform("woocommerce"), "HTTPS://Shop.Example.com/store/", {}).value(),
        "https://shop.example.com/store");
    EXPECT_FALSE(NormalizeStoreId(Platform("woocommerce"), "http://shop.example.com", {}));
    EXPECT_TRUE(NormalizeStoreId(Platform("woocommerce"), "http://127.0.0.1:8080", {true}));
    EXPECT_FALSE(NormalizeStoreId(Platform("woocommerce"), "https://u:p@shop.example.com", {}));
    EXPECT_FALSE(NormalizeStoreId(Platform("woocommerce"), "https://shop.example.com/?a=b", {}));
    EXPECT_FALSE(NormalizeStoreId(Platform("woocommerce"), "shop.example.com", {}));
}

TEST(StoreIdentity, WooCommerceHostsMustBePublicUnlessAllowed) {
    const auto& woo = Platform("woocommerce");
    for (const char* url : {"https://127.0.0.1:8443",
                            "https://localhost",
                            "https://169.254.169.254/latest",
                            "https://10.0.0.7",
                            "https://[::1]:8443",
                            "https://shop.invalid"}) {
        auto checked = CheckStoreHostIsPublic(woo, url, {});
        ASSERT_FALSE(checked) << url;
        EXPECT_EQ(checked.error().code, ErrorCode::kBadRequest) << url;
        EXPECT_EQ(checked.error().field, "store_id") << url;
    }
    EXPECT_TRUE(CheckStoreHostIsPublic(woo, "https://8.8.8.8", {}));
    EXPECT_TRUE(CheckStoreHostIsPublic(woo, "http://127.0.0.1:8080", {true, true}));
    // Other platforms' store ids are not URLs the seller types: no resolver is asked.
    EXPECT_TRUE(CheckStoreHostIsPublic(Platform("shopify"), "localhost.myshopify.com", {}));
}

TEST(StoreIdentity, IdsOfOtherPlatforms) {
    EXPECT_TRUE(NormalizeStoreId(Platform("salla"), "1234509876", {}));
    EXPECT_TRUE(NormalizeStoreId(Platform("amazon"), "A2EUQ1WTGCTBG2", {}));
    EXPECT_FALSE(NormalizeStoreId(Platform("zid"), "12 34", {}));
    EXPECT_FALSE(NormalizeStoreId(Platform("noon"), "", {}));
}

TEST(Marketplaces, RequiredWhereThePlatformHasThem) {
    auto amazon = NormalizeMarketplaces(Platform("amazon"),
                                        {"A17E79C6D8DWNP", "A2VIGQ35RCS4UG", "A17E79C6D8DWNP"});
    ASSERT_TRUE(amazon);
    EXPECT_EQ(*amazon, (std::vector<std::string>{"A17E79C6D8DWNP", "A2VIGQ35RCS4UG"}));
    EXPECT_EQ(NormalizeMarketplaces(Platform("noon"), {"SA", "ae"}).value(),
              (std::vector<std::string>{"ae", "sa"}));
    EXPECT_FALSE(NormalizeMarketplaces(Platform("amazon"), {}));
    EXPECT_FALSE(NormalizeMarketplaces(Platform("noon"), {"saudi"}));
    auto shopify = NormalizeMarketplaces(Platform("shopify"), {"x"});
    ASSERT_FALSE(shopify);
    EXPECT_EQ(shopify.error().field, "marketplaces");
}

}  // namespace
}  // namespace scs
