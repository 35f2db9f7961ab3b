#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connectors/platform_webhooks.hpp"
#include "core/result.hpp"

// WooCommerce webhook deliveries (platforms doc B6): the X-WC-Webhook-* headers, the signature,
// the unsigned creation ping, the dedup key and the store a delivery comes from. Pure functions,
// thread-safe.
namespace scs {

// The X-WC-Webhook-* headers of one delivery. Plain data; absent optional headers are "".
struct WooCommerceWebhookHeaders {
    std::string source;       // X-WC-Webhook-Source: "{home_url}/"
    std::string topic;        // X-WC-Webhook-Topic: "order.updated"
    std::string resource;     // X-WC-Webhook-Resource: "order"
    std::string event;        // X-WC-Webhook-Event: "updated"
    std::string signature;    // X-WC-Webhook-Signature: base64 HMAC-SHA256 of the raw body
    std::string webhook_id;   // X-WC-Webhook-ID: the subscription's integer id
    std::string delivery_id;  // X-WC-Webhook-Delivery-ID: unique per second only, never dedup
};

// Reads X-WC-Webhook-* headers (names case-insensitive). kBadRequest naming a missing required one
// (Topic, Signature, Source, ID are required; an empty value counts as missing).
[[nodiscard]] Result<WooCommerceWebhookHeaders> ReadWooCommerceWebhookHeaders(
    const std::vector<std::pair<std::string, std::string>>& headers);

// base64(HMAC-SHA256(secret, raw body)), compared in constant time. False for an empty secret or
// signature. Must see the body bytes exactly as received. Like WooCommerce, the key is the secret
// after wp_specialchars_decode(ENT_QUOTES) ("a&amp;b" signs with "a&b"); a plain secret such as
// hex is used as is.
[[nodiscard]] bool VerifyWooCommerceWebhook(std::string_view raw_body,
                                            std::string_view signature,
                                            std::string_view secret);

// The creation ping: an unsigned form body "webhook_id=<digits>" with no X-WC-Webhook-Topic.
[[nodiscard]] bool IsWooCommercePing(
    const std::vector<std::pair<std::string, std::string>>& headers, std::string_view raw_body);

// The key duplicates share: WooCommerce's delivery id is only unique per second, so dedup is by
// content: hex SHA-256 of webhook id + "\n" + topic + "\n" + raw body.
[[nodiscard]] std::string WooCommerceDedupKey(const WooCommerceWebhookHeaders& headers,
                                              std::string_view raw_body);

// The store the delivery comes from: X-WC-Webhook-Source ("https://site/") normalised the way the
// connections API normalises a WooCommerce store_id (src/api/store_identity.cpp NormalizeSiteUrl:
// lower-case scheme+host, port kept, no trailing slash) so it can be looked up as
// Connection::store_id. "" when the header is not an http(s) URL without user, query or fragment
// (no connection has that store id).
[[nodiscard]] std::string WooCommerceSourceStoreId(std::string_view source_header);

// WooCommerce's webhooks for the generic ingress and processor:
// - the unsigned creation ping is a ping (answered 200, not stored);
// - a delivery is found by X-WC-Webhook-Source, verified with the connection's own
//   `webhook_secret` and deduplicated by content (its delivery ids repeat within a second); the
//   identifying headers are kept (source, topic, resource, event, webhook id, delivery id; never
//   the signature); WooCommerce sends no trigger time;
// - order.created, order.updated and order.restored carry the order's REST representation at
//   delivery time (an order snapshot); order.deleted holds only the id, so there is nothing to
//   map (ignored: the canonical order keeps its last state); product.* is ignored (a product
//   payload carries no variations, so the products sync reads the catalogue); other topics are
//   ignored.
// Thread-safe.
class WooCommerceWebhooks final : public PlatformWebhooks {
public:
    [[nodiscard]] Result<WebhookDelivery> Identify(const HeaderList& headers,
                                                   std::string_view raw_body) const override;
    [[nodiscard]] bool Verify(const HeaderList& headers,
                              std::string_view raw_body,
                              const Credentials& credentials) const override;
    [[nodiscard]] Result<WebhookAction> Interpret(
        const StoredDelivery& delivery, const OrderMappingContext& mapping) const override;
};

}  // namespace scs
