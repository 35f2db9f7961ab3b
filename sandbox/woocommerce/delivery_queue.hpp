#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "sandbox/kit/due_queue.hpp"
#include "sandbox/kit/webhook_http.hpp"

// WooCommerce's asynchronous webhook queue (Action Scheduler, platform notes B6), on the kit's
// DueQueue: one background thread delivers due jobs in due order. A job that matches a pending one
// for the same site, webhook and resource is dropped (coalesced), so the payload a receiver gets is
// the resource's state at delivery time. No retries. Owned by the site registry; Enqueue is
// thread-safe and never blocks on the network; jobs still queued at Stop are abandoned.
namespace scs::sandbox::woocommerce {

class WooSite;

struct DeliveryJob {
    std::weak_ptr<WooSite> site;
    int64_t webhook_id = 0;
    int64_t resource_id = 0;
    std::string topic;       // "order.updated"
    bool duplicate = false;  // the duplicate knob's extra copy: never coalesced
    std::chrono::steady_clock::time_point due;
};

// What a site hands the queue to send: the request, ready to go.
struct OutgoingDelivery {
    int64_t webhook_id = 0;
    int64_t resource_id = 0;
    std::string topic;
    std::string url;
    std::string delivery_id;
    HeaderList headers;
    std::string body;
};

class DeliveryQueue {
public:
    explicit DeliveryQueue(const TimeSource& clock) : clock_(clock) {}

    void Start() { queue_.Start(); }

    void Stop() { queue_.Stop(); }

    // false when the job was coalesced into an identical pending one.
    bool Enqueue(DeliveryJob job);

private:
    void Deliver(const DeliveryJob& job);

    const TimeSource& clock_;
    DueQueue<DeliveryJob> queue_{[this](const DeliveryJob& job) {
        Deliver(job);
    }};
};

}  // namespace scs::sandbox::woocommerce
