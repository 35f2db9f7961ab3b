#include "sandbox/shopify/webhook_sender.hpp"

#include <algorithm>

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

WebhookSender::~WebhookSender() {
    Stop();
}

void WebhookSender::Start() {
    InitWebhookHttp();
    thread_ = std::thread([this] { Run(); });
}

void WebhookSender::Stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void WebhookSender::Enqueue(WebhookDelivery delivery, std::shared_ptr<DeliveryLog> log) {
    {
        const std::lock_guard lock(mutex_);
        queue_.push_back(Pending{std::move(delivery), std::move(log), 1, SteadyClock::now()});
    }
    wake_.notify_all();
}

// Takes the first queued delivery whose time has come, in queue order; waits otherwise.
bool WebhookSender::TakeReady(std::unique_lock<std::mutex>& lock, Pending& out) {
    while (!stopping_) {
        const auto now = SteadyClock::now();
        auto ready = std::find_if(queue_.begin(), queue_.end(), [now](const Pending& pending) {
            return pending.not_before <= now;
        });
        if (ready != queue_.end()) {
            out = std::move(*ready);
            queue_.erase(ready);
            return true;
        }
        if (queue_.empty()) {
            wake_.wait(lock);
        } else {
            const auto earliest = std::min_element(
                queue_.begin(), queue_.end(), [](const Pending& a, const Pending& b) {
                    return a.not_before < b.not_before;
                });
            wake_.wait_until(lock, earliest->not_before);
        }
    }
    return false;
}

void WebhookSender::Run() {
    while (true) {
        Pending pending;
        {
            std::unique_lock lock(mutex_);
            if (!TakeReady(lock, pending)) {
                return;
            }
        }
        Send(std::move(pending));
    }
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
    pending.not_before = SteadyClock::now() + kFirstBackoff * (1 << (pending.attempt - 1));
    ++pending.attempt;
    {
        const std::lock_guard lock(mutex_);
        queue_.push_back(std::move(pending));
    }
    wake_.notify_all();
}

}  // namespace scs::sandbox
