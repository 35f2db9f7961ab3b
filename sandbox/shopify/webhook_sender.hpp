#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include <boost/json/array.hpp>

#include "sandbox/kit/due_queue.hpp"

// Outbound webhook deliveries of the Shopify sandbox, on the kit's DueQueue, with
// Shopify's retry of non-2xx answers on a compressed clock, and a per-store log of every attempt.
namespace scs::sandbox {

// One delivery of one event to one subscription. A retry or a duplicate reuses webhook_id.
struct WebhookDelivery {
    std::string uri;
    std::string topic;  // "orders/create"
    std::string shop;
    std::string api_version;
    std::string secret;  // signs the body
    std::string body;
    std::string webhook_id;
    std::string event_id;
    std::string triggered_at;
    std::string order_id;
    bool duplicate = false;  // the extra copy the duplicate knob sends
};

// Every attempt at a delivery, and every dropped one. Shared by a store (reading) and the
// sender (writing); thread-safe.
class DeliveryLog {
public:
    // outcome: "delivered", "failed" (non-2xx or no answer) or "dropped" (the drop knob).
    void Record(const WebhookDelivery& delivery, std::string outcome, int status_code, int attempt);
    boost::json::array ToJson() const;

private:
    mutable std::mutex mutex_;
    boost::json::array entries_;
};

// Owned by the Shopify platform module; Start once, Stop (or destroy) once. Enqueue is
// thread-safe and never blocks on the network. Deliveries still queued at Stop are abandoned.
class WebhookSender {
public:
    static constexpr int kMaxAttempts = 4;  // Shopify: 1 + 8 retries over 4 h; here 1 + 3
    static constexpr std::chrono::milliseconds kFirstBackoff{100};

    void Start() { queue_.Start(); }

    void Stop() { queue_.Stop(); }

    void Enqueue(WebhookDelivery delivery, std::shared_ptr<DeliveryLog> log);

private:
    struct Pending {
        WebhookDelivery delivery;
        std::shared_ptr<DeliveryLog> log;
        int attempt = 1;
    };

    void Send(Pending pending);

    DueQueue<Pending> queue_{[this](Pending pending) {
        Send(std::move(pending));
    }};
};

}  // namespace scs::sandbox
