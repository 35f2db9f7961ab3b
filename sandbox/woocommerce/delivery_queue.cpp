#include "sandbox/woocommerce/delivery_queue.hpp"

#include "sandbox/woocommerce/woo_site.hpp"

namespace scs::sandbox::woocommerce {
namespace {

bool SameSite(const std::weak_ptr<WooSite>& a, const std::weak_ptr<WooSite>& b) {
    return !a.owner_before(b) && !b.owner_before(a);
}

}  // namespace

bool DeliveryQueue::Enqueue(DeliveryJob job) {
    const auto due = job.due;
    if (job.duplicate) {
        queue_.Push(std::move(job), due);
        return true;
    }
    auto same = [probe = job](const DeliveryJob& pending) {
        return !pending.duplicate && pending.webhook_id == probe.webhook_id &&
               pending.resource_id == probe.resource_id && pending.topic == probe.topic &&
               SameSite(pending.site, probe.site);
    };
    return queue_.Push(std::move(job), due, same);
}

void DeliveryQueue::Deliver(const DeliveryJob& job) {
    auto site = job.site.lock();
    if (!site) {
        return;
    }
    auto outgoing = site->PrepareDelivery(job, clock_.Now());
    if (!outgoing) {
        return;
    }
    const int status =
        PostBody(outgoing->url, "application/json", outgoing->headers, outgoing->body);
    site->RecordDelivery(*outgoing, status, clock_.Now());
}

}  // namespace scs::sandbox::woocommerce
