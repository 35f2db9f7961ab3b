#include "sync/reconciler.hpp"

namespace scs {
namespace {

constexpr std::string_view kEntity = "orders";

}  // namespace

Reconciler::Reconciler(ConnectionStore& connections,
                       StateStore& state,
                       SyncService& sync,
                       const TimeSource& clock,
                       std::chrono::milliseconds interval,
                       WebhookRepair repair,
                       PlatformEnabled enabled)
    : connections_(connections),
      state_(state),
      sync_(sync),
      clock_(clock),
      interval_(interval),
      repair_(std::move(repair)),
      enabled_(std::move(enabled)) {}

Reconciler::~Reconciler() {
    Stop();
}

Result<ReconcilePass> Reconciler::RunOnce(TimePoint now) {
    auto active = connections_.ListActive();
    if (!active) {
        return tl::unexpected(active.error());
    }
    ReconcilePass pass;
    for (const Connection& connection : *active) {
        if (!enabled_ || enabled_(connection.platform)) {
            ReconcileOne(connection, now, pass);
        }
    }
    return pass;
}

void Reconciler::ReconcileOne(const Connection& connection, TimePoint now, ReconcilePass& pass) {
    const std::string marker = ReconcileMarker(kEntity);
    auto last = state_.GetLastSync(connection.id, marker);
    if (last && !ReconcileDue(*last, interval_, now)) {
        return;
    }
    ++pass.due;
    RepairWebhooks(connection, pass);
    auto triggered = last.and_then([&](const std::optional<TimePoint>&) {
        return sync_.Trigger(
            connection, SyncRequest{std::string(kEntity), std::nullopt, SyncTrigger::kReconcile});
    });
    if (triggered) {
        ++pass.triggered;
        // A lost marker only makes the next pass reconcile this connection again.
        (void)state_.SetLastSync(connection.id, marker, now);
        return;
    }
    if (triggered.error().code == ErrorCode::kSyncInProgress) {
        ++pass.skipped;
        return;
    }
    ++pass.failed;
    logger_.Warn(
        "reconcile trigger failed",
        {log::F("connection_id", connection.id), log::F("error", triggered.error().message)});
}

void Reconciler::RepairWebhooks(const Connection& connection, ReconcilePass& pass) {
    if (!repair_) {
        return;
    }
    if (auto repaired = repair_(connection); !repaired) {
        ++pass.webhooks_failed;
        logger_.Warn("webhook repair failed",
                     {log::F("connection_id", connection.id),
                      log::F("platform", connection.platform),
                      log::F("error", repaired.error().message)});
        return;
    }
    ++pass.webhooks_repaired;
}

void Reconciler::Start(std::chrono::milliseconds poll_every) {
    thread_ = std::thread([this, poll_every] { Loop(poll_every); });
}

void Reconciler::Stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void Reconciler::Loop(std::chrono::milliseconds poll_every) {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        if (auto pass = RunOnce(clock_.Now()); !pass) {
            logger_.Warn("reconcile pass failed", {log::F("error", pass.error().message)});
        }
        lock.lock();
        wake_.wait_for(lock, poll_every, [this] { return stopping_; });
    }
}

}  // namespace scs
