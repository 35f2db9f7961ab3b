#include "sandbox/shopify/webhook_sender.hpp"

#include <boost/json/object.hpp>

#include "sandbox/kit/webhook_http.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

HeaderList ShopifyHeaders(const WebhookDelivery& delivery) {
    return {{"X-Shopify-Topic", delivery.topic},
            {"X-Shopify-Hmac-Sha256", Base64Encode(HmacSha256(delivery.secret, delivery.body))},
            {"X-Shopify-Shop-Domain", delivery.shop},
            {"X-Shopify-API-Version", delivery.api_version},
            {"X-Shopify-Webhook-Id", delivery.webhook_id},
            {"X-Shopify-Event-Id", delivery.event_id},
            {"X-Shopify-Triggered-At", delivery.triggered_at}};
}

}  // namespace

void DeliveryLog::Record(const WebhookDelivery& delivery,
                         std::string outcome,
                         int status_code,
                         int attempt) {
    boost::json::object entry{{"topic", delivery.topic},
                              {"uri", delivery.uri},
                              {"webhook_id", delivery.webhook_id},
                              {"event_id", delivery.event_id},
                              {"order_id", delivery.order_id},
                              {"triggered_at", delivery.triggered_at},
                              {"duplicate", delivery.duplicate},
                              {"attempt", attempt},
                              {"status_code", status_code},
                              {"outcome", std::move(outcome)}};
    const std::lock_guard lock(mutex_);
    entries_.push_back(std::move(entry));
}

boost::json::array DeliveryLog::ToJson() const {
    const std::lock_guard lock(mutex_);
    return entries_;
}

void WebhookSender::Enqueue(WebhookDelivery delivery, std::shared_ptr<DeliveryLog> log) {
    queue_.Push(Pending{std::move(delivery), std::move(log), 1}, std::chrono::steady_clock::now());
}

void WebhookSender::Send(Pending pending) {
    const int status =
        PostJson(pending.delivery.uri, ShopifyHeaders(pending.delivery), pending.delivery.body);
    const bool delivered = status >= 200 && status < 300;
    pending.log->Record(
        pending.delivery, delivered ? "delivered" : "failed", status, pending.attempt);
    if (delivered || pending.attempt >= kMaxAttempts) {
        return;
    }
    const auto due =
        std::chrono::steady_clock::now() + kFirstBackoff * (1 << (pending.attempt - 1));
    ++pending.attempt;
    queue_.Push(std::move(pending), due);
}

}  // namespace scs::sandbox
