#include "sandbox/woocommerce/webhook_rules.hpp"

#include <array>

#include "sandbox/woocommerce/oauth1.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {

bool IsDeliverySuccess(int status_code) {
    return status_code >= 200 && status_code < 303;
}

bool ApplyDeliveryResult(WebhookHealth& health, int status_code) {
    if (IsDeliverySuccess(status_code)) {
        health.failure_count = 0;
        return false;
    }
    if (health.failure_count > kMaxDeliveryFailures) {
        const bool was_enabled = health.status != "disabled";
        health.status = "disabled";
        return was_enabled;
    }
    ++health.failure_count;
    return false;
}

bool IsValidWebhookTopic(std::string_view topic) {
    if (topic.rfind("action.", 0) == 0) {
        return topic.size() > 7;
    }
    if (topic == "product.published") {
        return true;
    }
    const size_t dot = topic.find('.');
    if (dot == std::string_view::npos) {
        return false;
    }
    const std::string_view resource = topic.substr(0, dot);
    const std::string_view event = topic.substr(dot + 1);
    const bool resource_ok = resource == "coupon" || resource == "customer" ||
                             resource == "order" || resource == "product";
    const bool event_ok =
        event == "created" || event == "updated" || event == "deleted" || event == "restored";
    return resource_ok && event_ok;
}

std::vector<std::string> TopicHooks(std::string_view topic) {
    static const std::array<std::pair<std::string_view, std::vector<std::string>>, 8> kHooks = {{
        {"order.created", {"woocommerce_new_order"}},
        {"order.updated", {"woocommerce_update_order", "woocommerce_order_refunded"}},
        {"order.deleted", {"wp_trash_post", "woocommerce_trash_order"}},
        {"order.restored", {"untrashed_post", "woocommerce_untrash_order"}},
        {"product.created",
         {"woocommerce_process_product_meta",
          "woocommerce_new_product",
          "woocommerce_new_product_variation"}},
        {"product.updated",
         {"woocommerce_process_product_meta",
          "woocommerce_update_product",
          "woocommerce_update_product_variation"}},
        {"product.deleted", {"wp_trash_post"}},
        {"product.restored", {"untrashed_post"}},
    }};
    for (const auto& [name, hooks] : kHooks) {
        if (name == topic) {
            return hooks;
        }
    }
    if (topic.rfind("action.", 0) == 0) {
        return {std::string(topic.substr(7))};
    }
    return {};
}

std::string DeliveryId(std::string_view salt, int64_t webhook_id, int64_t unix_seconds) {
    const std::string data = std::to_string(webhook_id) + std::to_string(unix_seconds);
    return HexEncode(Hmac("md5", salt, data));
}

bool IsValidDeliveryUrl(std::string_view url) {
    for (std::string_view scheme : {"http://", "https://"}) {
        if (url.substr(0, scheme.size()) == scheme) {
            const std::string_view rest = url.substr(scheme.size());
            return !rest.empty() && rest.front() != '/' && rest.find(' ') == std::string_view::npos;
        }
    }
    return false;
}

std::string GenerateWebhookSecret() {
    static constexpr std::string_view kAlphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()"
        "-_ []{}<>~`+=,.;:/?|";
    const std::string bytes = RandomBytes(50);
    std::string secret;
    for (char byte : bytes) {
        secret.push_back(kAlphabet[static_cast<unsigned char>(byte) % kAlphabet.size()]);
    }
    return secret;
}

}  // namespace scs::sandbox::woocommerce
