#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/runtime.hpp"
#include "jobs/outbox/outbox_relay.hpp"
#include "jobs/probe/probe_jobs.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "jobs/worker/job_metrics.hpp"
#include "jobs/worker/queue_stats_sampler.hpp"
#include "jobs/worker/worker_pool.hpp"
#include "push/fulfillment_push_job.hpp"
#include "push/inventory_push_job.hpp"
#include "push/push_metrics.hpp"
#include "push/status_push_job.hpp"
#include "sync/reconciler.hpp"
#include "sync/sync_job.hpp"

namespace scs {

// The queues a worker drains for `groups` (comma separated: orders, products, inventory,
// webhooks), without the prefix, in ServiceQueueNames order. oms-orders is never among them:
// the OMS consumes it.
std::vector<std::string> QueuesForGroups(const std::string& groups);

// "<hostname>:<pid>": names this process in probe records and outbox claims.
std::string ProcessIdentity();

// Everything `scs work` (and `scs all`) runs in the background: the worker pool over the
// queues of the configured groups with the explicit job handler table, the outbox relay and
// the queue statistics sampler. Owned by the mode; the runtime outlives it. Not copyable.
class BackgroundWork {
public:
    [[nodiscard]] static Result<std::unique_ptr<BackgroundWork>> Start(Runtime& runtime);
    ~BackgroundWork();
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;
    BackgroundWork(BackgroundWork&&) = delete;
    BackgroundWork& operator=(BackgroundWork&&) = delete;

    // Stops receiving, lets running jobs finish within worker.shutdown_grace and returns the
    // rest to their queues, then stops the relay and the sampler. Returns how many jobs were
    // still running at the deadline: then the process must exit without tearing the runtime
    // down under them.
    int Stop();

private:
    explicit BackgroundWork(Runtime& runtime);

    void RegisterHandlers();
    void RegisterPushHandlers();

    // Deletes outbox rows sent longer than outbox.retention ago, hourly, until Stop().
    void Housekeeping();

    Runtime& runtime_;
    JobMetrics metrics_;
    ProbeStore probes_;
    JobHandlers handlers_;
    std::unique_ptr<WorkerPool> pool_;
    std::unique_ptr<OutboxRelay> relay_;
    std::unique_ptr<QueueStatsSampler> sampler_;
    std::unique_ptr<SyncJob> sync_orders_;
    std::unique_ptr<SyncJob> sync_products_;
    std::unique_ptr<PushMetrics> push_metrics_;
    std::unique_ptr<InventoryPushJob> push_inventory_;
    std::unique_ptr<FulfillmentPushJob> push_fulfillment_;
    std::unique_ptr<StatusPushJob> push_status_;
    std::unique_ptr<Reconciler> reconciler_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;  // guarded by mutex_
    std::thread housekeeping_;
    bool stopped_ = false;
};

}  // namespace scs
