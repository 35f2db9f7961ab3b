#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

}  // namespace scs
