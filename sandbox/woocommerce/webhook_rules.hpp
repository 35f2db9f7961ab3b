#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// WooCommerce's webhook rules (WC_Webhook, platform notes B6): which topics are valid, what a
// delivery's outcome does to the webhook, how Delivery-IDs are made. Pure, thread-safe.
namespace scs::sandbox::woocommerce {

inline constexpr const char* kHookshotUserAgent = "WooCommerce/9.4.0 Hookshot (WordPress/6.7)";
inline constexpr int kMaxDeliveryFailures = 5;  // woocommerce_max_webhook_delivery_failures

struct WebhookHealth {
    std::string status = "active";  // active | paused | disabled
    int failure_count = 0;
};

// log_delivery(): 200..302 is a success and resets failure_count; anything else (0 = no answer)
// is a failure: failure_count + 1, or, when failure_count is already above the maximum, the
// webhook is disabled (about the 7th failure in a row). Answers whether it just got disabled.
bool ApplyDeliveryResult(WebhookHealth& health, int status_code);

bool IsDeliverySuccess(int status_code);

// wc_is_webhook_valid_topic(): resource.event for coupon/customer/order/product with
// created/updated/deleted/restored, product.published, or action.*.
bool IsValidWebhookTopic(std::string_view topic);

// The WooCommerce hooks a topic listens to, as GET /webhooks shows them.
std::vector<std::string> TopicHooks(std::string_view topic);

// wp_hash(webhook id . unix seconds): 32 hex, the same for every delivery of one webhook in one
// second. `salt` stands for the site's wp_salt().
std::string DeliveryId(std::string_view salt, int64_t webhook_id, int64_t unix_seconds);

// wc_is_valid_url() for delivery URLs: http:// or https:// with a host.
bool IsValidDeliveryUrl(std::string_view url);

// wp_generate_password(50, true, true): letters, digits and punctuation.
std::string GenerateWebhookSecret();

}  // namespace scs::sandbox::woocommerce
