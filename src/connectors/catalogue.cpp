#include "connectors/catalogue.hpp"

namespace scs {

std::vector<PlatformInfo> BuiltinCatalogue() {
    const std::vector<std::string> all{
        "orders", "products", "inventory", "returns", "fulfillments", "webhooks"};
    return {
        {1,
         "shopify",
         "Shopify",
         "oauth2",
         "shop_domain",
         false,
         all,
         {{"access_token", true}, {"webhook_secret", false}}},
        {2,
         "woocommerce",
         "WooCommerce",
         "api_key",
         "site_url",
         false,
         all,
         {{"consumer_key", true}, {"consumer_secret", true}}},
        {3,
         "salla",
         "Salla",
         "oauth2",
         "merchant_id",
         false,
         all,
         {{"access_token", true}, {"refresh_token", false}, {"webhook_secret", false}}},
        {4,
         "zid",
         "Zid",
         "oauth2",
         "store_id",
         false,
         all,
         {{"authorization_token", true}, {"manager_token", true}, {"refresh_token", false}}},
        {5,
         "amazon",
         "Amazon",
         "lwa_oauth2",
         "selling_partner_id",
         true,
         {"orders", "products", "inventory", "returns", "fulfillments", "notifications"},
         {{"refresh_token", true}}},
        {6,
         "noon",
         "Noon",
         "jwt_login",
         "partner_id",
         true,
         {"orders", "products", "inventory", "returns", "fulfillments", "webhooks"},
         {{"key_id", true}, {"private_key", true}, {"project_code", true}}},
    };
}

}  // namespace scs
