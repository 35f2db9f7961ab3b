#include "app/background_work.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

#include "jobs/queue_names.hpp"
#include "observability/log.hpp"
#include "webhooks/webhook_jobs.hpp"

namespace scs {
namespace {

constexpr std::chrono::milliseconds kStatsInterval{std::chrono::seconds(15)};
constexpr std::chrono::milliseconds kHousekeepingInterval{std::chrono::hours(1)};

// How often the reconciler looks for connections due a reconcile run: often enough that a short
// reconcile_interval (tests, demos) is honoured, never more than once a second.
std::chrono::milliseconds ReconcilePoll(std::chrono::milliseconds interval) {
    return std::clamp<std::chrono::milliseconds>(
        interval / 4, std::chrono::seconds(1), std::chrono::seconds(30));
}

std::vector<ConsumerOptions> Consumers(Runtime& runtime) {
    const auto& config = runtime.config;
    std::vector<ConsumerOptions> consumers;
    for (const auto& name : QueuesForGroups(config.worker.groups)) {
        ConsumerOptions options;
        options.label = name;
        options.queue = runtime.queues.at(name).get();
        const auto custom = config.worker.queue_concurrency.find(name);
        options.concurrency = custom != config.worker.queue_concurrency.end()
                                  ? custom->second
                                  : config.worker.concurrency;
        options.max_receives = config.queue.max_receives;
        options.visibility_timeout = config.queue.visibility_timeout;
        consumers.push_back(options);
    }
    return consumers;
}

}  // namespace

std::vector<std::string> QueuesForGroups(const std::string& groups) {
    std::set<std::string> wanted;
    std::stringstream stream(groups);
    std::string group;
    while (std::getline(stream, group, ',')) {
        wanted.insert(group);
    }
    std::vector<std::string> queues;
    const auto add_if = [&](std::string_view group_name, std::string_view queue) {
        if (wanted.count(std::string(group_name)) != 0) {
            queues.emplace_back(queue);
        }
    };
    add_if("orders", kFetchOrdersQueue);
    add_if("products", kFetchProductsQueue);
    add_if("inventory", kInventoryUpdatesQueue);
    add_if("orders", kOrderUpdatesQueue);
    add_if("webhooks", kWebhooksQueue);
    return queues;
}

std::string ProcessIdentity() {
    std::array<char, HOST_NAME_MAX + 1> host{};
    if (gethostname(host.data(), host.size() - 1) != 0) {
        host[0] = '\0';
    }
    return std::string(host.data()) + ":" + std::to_string(getpid());
}

// The explicit table of job handlers: every job type the workers run, and what runs it.
void BackgroundWork::RegisterHandlers() {
    handlers_.Add(std::string(kProbeJobType), MakeProbeHandler(probes_, ProcessIdentity()));
    const auto make_sync_job = [this](std::string entity) {
        return std::make_unique<SyncJob>(SyncJobDeps{runtime_.database->Executor(),
                                                     runtime_.database->Connections(),
                                                     *runtime_.state,
                                                     *runtime_.registry,
                                                     *runtime_.secrets,
                                                     runtime_.vault.get(),
                                                     runtime_.clock,
                                                     *runtime_.sync_metrics,
                                                     SyncOptionsFor(runtime_.config),
                                                     [rt = &runtime_] { rt->outbox_wakeup(); },
                                                     std::move(entity)});
    };
    sync_orders_ = make_sync_job("orders");
    sync_products_ = make_sync_job("products");
    handlers_.Add(std::string(kSyncOrdersJobType), sync_orders_->Handler());
    handlers_.Add(std::string(kSyncProductsJobType), sync_products_->Handler());
    RegisterPushHandlers();
    handlers_.Add(std::string(kWebhookProcessJobType), MakeWebhookJobHandler(*runtime_.webhooks));
}

// The push-back jobs (DESIGN §4 "Push back"): inventory on inventory-updates.fifo, fulfilment
// and status on order-updates.fifo.
void BackgroundWork::RegisterPushHandlers() {
    push_metrics_ = std::make_unique<PushMetrics>(*runtime_.metrics);
    const PushJobDeps deps{runtime_.database->Executor(),
                           runtime_.database->Connections(),
                           *runtime_.registry,
                           *runtime_.secrets,
                           runtime_.vault.get(),
                           runtime_.clock,
                           *push_metrics_,
                           runtime_.config.queue.max_receives};
    push_inventory_ = std::make_unique<InventoryPushJob>(deps);
    push_fulfillment_ = std::make_unique<FulfillmentPushJob>(deps);
    push_status_ = std::make_unique<StatusPushJob>(deps);
    handlers_.Add(std::string(kPushInventoryJobType), push_inventory_->Handler());
    handlers_.Add(std::string(kPushFulfillmentJobType), push_fulfillment_->Handler());
    handlers_.Add(std::string(kPushStatusJobType), push_status_->Handler());
}

BackgroundWork::BackgroundWork(Runtime& runtime)
    : runtime_(runtime),
      metrics_(*runtime.metrics),
      probes_(runtime.database->Executor(), runtime.clock) {}

BackgroundWork::~BackgroundWork() {
    if (!stopped_) {
        Stop();
    }
}

Result<std::unique_ptr<BackgroundWork>> BackgroundWork::Start(Runtime& runtime) {
    std::unique_ptr<BackgroundWork> work(new BackgroundWork(runtime));
    work->RegisterHandlers();
    const auto& config = runtime.config;
    WorkerOptions options;
    options.consumers = Consumers(runtime);
    options.retry = RetryPolicy{config.worker.retry_base, config.worker.retry_cap};
    options.shutdown_grace = config.worker.shutdown_grace;
    work->pool_ = std::make_unique<WorkerPool>(std::move(options), work->handlers_, work->metrics_);

    std::map<std::string, Queue*, std::less<>> outbound;
    std::vector<std::pair<std::string, Queue*>> sampled;
    for (const auto& [name, queue] : runtime.queues) {
        outbound.emplace(name, queue.get());
        sampled.emplace_back(name, queue.get());
    }
    OutboxRelayOptions relay_options;
    relay_options.owner = UniqueRelayOwner();
    work->relay_ = std::make_unique<OutboxRelay>(runtime.database->Executor(),
                                                 std::move(outbound),
                                                 runtime.clock,
                                                 *runtime.metrics,
                                                 relay_options);
    work->sampler_ =
        std::make_unique<QueueStatsSampler>(std::move(sampled), work->metrics_, kStatsInterval);
    runtime.outbox_wakeup.Set([relay = work->relay_.get()] { relay->Notify(); });
    work->reconciler_ = std::make_unique<Reconciler>(
        runtime.database->Connections(),
        *runtime.state,
        *runtime.sync,
        runtime.clock,
        config.sync.reconcile_interval,
        WebhookRepairFor(runtime),
        [registry = runtime.registry.get()](const std::string& platform) {
            return registry->Enabled(platform);
        });
    work->pool_->Start();
    work->relay_->Start();
    work->reconciler_->Start(ReconcilePoll(config.sync.reconcile_interval));
    work->sampler_->Start();
    work->housekeeping_ = std::thread([raw = work.get()] { raw->Housekeeping(); });
    return work;
}

void BackgroundWork::Housekeeping() {
    static const log::Logger kLog("app.housekeeping");
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        const auto cutoff = runtime_.clock.Now() - runtime_.config.outbox_retention;
        if (auto pruned = relay_->PruneSent(cutoff); !pruned) {
            kLog.Warn("pruning sent outbox rows failed", {log::F("error", pruned.error().message)});
        }
        lock.lock();
        wake_.wait_for(lock, kHousekeepingInterval, [this] { return stopping_; });
    }
}

int BackgroundWork::Stop() {
    stopped_ = true;
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (housekeeping_.joinable()) {
        housekeeping_.join();
    }
    reconciler_->Stop();
    const int unfinished = pool_->Stop();
    runtime_.outbox_wakeup.Set(nullptr);
    relay_->Stop();
    sampler_->Stop();
    return unfinished;
}

}  // namespace scs
