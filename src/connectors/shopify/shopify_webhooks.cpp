#include "connectors/shopify/shopify_webhooks.hpp"

#include <array>

#include "core/headers.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

struct RequiredHeader {
    std::string_view name;
    std::string ShopifyWebhookHeaders::*field;
};

constexpr std::array<RequiredHeader, 5> kRequired{{
    {"X-Shopify-Topic", &ShopifyWebhookHeaders::topic},
    {"X-Shopify-Hmac-Sha256", &ShopifyWebhookHeaders::hmac},
    {"X-Shopify-Shop-Domain", &ShopifyWebhookHeaders::shop_domain},
    {"X-Shopify-API-Version", &ShopifyWebhookHeaders::api_version},
    {"X-Shopify-Webhook-Id", &ShopifyWebhookHeaders::webhook_id},
}};

}  // namespace

std::string ShopifyWebhookHeaders::DedupKey() const {
    return event_id.empty() ? webhook_id : event_id;
}

Result<ShopifyWebhookHeaders> ReadShopifyWebhookHeaders(
    const std::vector<std::pair<std::string, std::string>>& headers) {
    ShopifyWebhookHeaders read;
    for (const RequiredHeader& required : kRequired) {
        const auto value = FindHeader(headers, required.name);
        if (!value || value->empty()) {
            return FailField(std::string(required.name), "missing webhook header");
        }
        read.*required.field = std::string(*value);
    }
    if (const auto event_id = FindHeader(headers, "X-Shopify-Event-Id")) {
        read.event_id = std::string(*event_id);
    }
    if (const auto triggered = FindHeader(headers, "X-Shopify-Triggered-At")) {
        read.triggered_at = ParseRfc3339(*triggered);
    }
    return read;
}

bool VerifyShopifyWebhook(std::string_view raw_body,
                          std::string_view hmac_header,
                          std::string_view secret) {
    if (secret.empty() || hmac_header.empty()) {
        return false;
    }
    const std::string expected = Base64Encode(HmacSha256(secret, raw_body));
    return ConstantTimeEquals(expected, hmac_header);
}

}  // namespace scs
