#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connectors/platform_webhooks.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace scs {

// The X-Shopify-* headers of one webhook delivery (platforms doc A6.2). Plain data.
struct ShopifyWebhookHeaders {
    std::string topic;        // "orders/create"
    std::string hmac;         // base64 HMAC-SHA256 of the raw body
    std::string shop_domain;  // "{shop}.myshopify.com"
    std::string api_version;  // the version the payload was serialised with
    std::string webhook_id;   // unique per delivery (reused by Shopify's retries)
    std::string event_id;     // shared by every delivery of one merchant action; may be empty
    std::optional<TimePoint> triggered_at;

    // What duplicate deliveries share: the event id when sent, else the webhook id.
    std::string DedupKey() const;
};

// Reads the delivery headers, names compared case-insensitively (HTTP/2 lowercases them).
// Topic, Hmac-Sha256, Shop-Domain, API-Version and Webhook-Id are required (kBadRequest naming
// the missing one); Event-Id and Triggered-At are optional.
[[nodiscard]] Result<ShopifyWebhookHeaders> ReadShopifyWebhookHeaders(
    const std::vector<std::pair<std::string, std::string>>& headers);

// True when `hmac_header` is the base64 HMAC-SHA256 of `raw_body` keyed with `secret`,
// compared in constant time. Must see the body bytes exactly as received.
[[nodiscard]] bool VerifyShopifyWebhook(std::string_view raw_body,
                                        std::string_view hmac_header,
                                        std::string_view secret);

// The privacy-law topics every public app must answer (platforms doc A6.2). They are signed with
// the app client secret and may arrive after the shop uninstalled the app.
[[nodiscard]] bool IsShopifyComplianceTopic(std::string_view topic);

// The secrets a delivery for a connection may be signed with, in the order to try them: the
// connection's own `webhook_secret` credential (custom apps), then the app client secrets
// (current first, then the previous one during a rotation). Empty secrets are left out.
[[nodiscard]] std::vector<std::string> ShopifySigningSecrets(
    const Credentials& credentials, const std::vector<std::string>& app_secrets);

// The platform order ids in a customers/redact body ("orders_to_redact": numbers or strings),
// as decimal strings; kInvalidPayload when the body is not an object with that array.
[[nodiscard]] Result<std::vector<std::string>> OrdersToRedact(std::string_view body);

// Shopify's webhooks for the generic ingress and processor:
// - a delivery is found by X-Shopify-Shop-Domain (lower-cased) and deduplicated by its event id
//   (else its webhook id); the identifying headers are kept (topic, shop domain, API version,
//   webhook id, event id, triggered at; never the HMAC);
// - it verifies with the connection's own webhook secret or the app's client secrets; the
//   privacy-law topics are kept without a live connection when the app secrets verify them;
// - orders/* (but orders/delete) are order snapshots in the REST shape; app/uninstalled needs a
//   reinstall; customers/data_request is recorded (the seller answers it from the orders API);
//   customers/redact erases the customer from the listed orders; shop/redact forgets the store;
//   any other topic (orders/delete included) is ignored with the reason.
// Thread-safe.
class ShopifyWebhooks final : public PlatformWebhooks {
public:
    // The app's client secrets, current first (empty ones are skipped).
    explicit ShopifyWebhooks(std::vector<std::string> app_secrets)
        : app_secrets_(std::move(app_secrets)) {}

    [[nodiscard]] Result<WebhookDelivery> Identify(const HeaderList& headers,
                                                   std::string_view raw_body) const override;
    [[nodiscard]] bool Verify(const HeaderList& headers,
                              std::string_view raw_body,
                              const Credentials& credentials) const override;
    [[nodiscard]] Result<WebhookAction> Interpret(
        const StoredDelivery& delivery, const OrderMappingContext& mapping) const override;

private:
    std::vector<std::string> app_secrets_;
};

}  // namespace scs
