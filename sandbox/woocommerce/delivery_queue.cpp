#include "sandbox/woocommerce/delivery_queue.hpp"

#include <algorithm>

#include "sandbox/woocommerce/woo_site.hpp"

namespace scs::sandbox::woocommerce {
namespace {

bool SameSite(const std::weak_ptr<WooSite>& a, const std::weak_ptr<WooSite>& b) {
    return !a.owner_before(b) && !b.owner_before(a);
}

}  // namespace

DeliveryQueue::~DeliveryQueue() {
    Stop();
}

void DeliveryQueue::Start() {
    InitWebhookHttp();
    const std::lock_guard lock(mutex_);
    if (!thread_.joinable() && !stopping_) {
        thread_ = std::thread([this] { Run(); });
    }
}

void DeliveryQueue::Stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

bool DeliveryQueue::Enqueue(DeliveryJob job) {
    {
        const std::lock_guard lock(mutex_);
        const bool coalesced =
            !job.duplicate &&
            std::any_of(pending_.begin(), pending_.end(), [&job](const DeliveryJob& pending) {
                return !pending.duplicate && pending.webhook_id == job.webhook_id &&
                       pending.resource_id == job.resource_id && pending.topic == job.topic &&
                       SameSite(pending.site, job.site);
            });
        if (coalesced) {
            return false;
        }
        pending_.push_back(std::move(job));
    }
    wake_.notify_all();
    return true;
}

bool DeliveryQueue::TakeDue(std::unique_lock<std::mutex>& lock, DeliveryJob& out) {
    while (!stopping_) {
        if (pending_.empty()) {
            wake_.wait(lock);
            continue;
        }
        // The earliest due job; among equals the first queued, so deliveries keep event order.
        const auto next = std::min_element(
            pending_.begin(), pending_.end(), [](const DeliveryJob& a, const DeliveryJob& b) {
                return a.due < b.due;
            });
        if (next->due <= std::chrono::steady_clock::now()) {
            out = std::move(*next);
            pending_.erase(next);
            return true;
        }
        // A copy: pending_ may grow (and move its elements) while the lock is released.
        const auto due = next->due;
        wake_.wait_until(lock, due);
    }
    return false;
}

void DeliveryQueue::Run() {
    while (true) {
        DeliveryJob job;
        {
            std::unique_lock lock(mutex_);
            if (!TakeDue(lock, job)) {
                return;
            }
        }
        auto site = job.site.lock();
        if (!site) {
            continue;
        }
        auto outgoing = site->PrepareDelivery(job, clock_.Now());
        if (!outgoing) {
            continue;
        }
        const int status =
            PostBody(outgoing->url, "application/json", outgoing->headers, outgoing->body);
        site->RecordDelivery(*outgoing, status, clock_.Now());
    }
}

}  // namespace scs::sandbox::woocommerce
