#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/result.hpp"
#include "core/time.hpp"
#include "observability/log.hpp"
#include "state/state_store.hpp"
#include "storage/connection_store.hpp"
#include "sync/sync_service.hpp"

namespace scs {

// What one reconciliation pass did.
struct ReconcilePass {
    int due = 0;        // active connections whose last reconcile was older than the interval
    int triggered = 0;  // reconcile runs started
    int skipped = 0;    // a sync was already in progress: tried again on the next pass
    int failed = 0;     // the trigger failed (logged); tried again on the next pass
    int webhooks_repaired = 0;  // subscriptions checked (and re-created or re-enabled) ok
    int webhooks_failed = 0;    // the check failed (logged); tried again on the next due pass
};

// Re-subscribes one connection's webhooks (idempotent: what exists and works is kept; a missing
// subscription is created, a disabled one re-enabled). Wired by the composition root.
using WebhookRepair = std::function<Status(const Connection&)>;

// Whether a platform's connections are worked on (false: switched off by its feature flag).
using PlatformEnabled = std::function<bool(const std::string& platform)>;

// The safety net for missed webhooks (DESIGN §4 "Reconciliation"): for every active connection
// whose last reconcile is older than the interval, starts an incremental orders sync with
// trigger "reconcile" (from the cursor minus the overlap). The seller's freeze time does not
// hold it back; a sync in progress does, quietly, until the next pass. The time of each
// accepted trigger is kept as the last sync of "orders:reconcile" in the state store, so every
// process agrees. Platforms drop subscriptions that keep failing (WooCommerce disables a webhook
// after repeated failed deliveries and never retries; Shopify deletes one), so each due
// connection's webhooks are also repaired through `repair` when one is given. Connections of a
// platform `enabled` says is switched off are passed over. Start runs passes on
// a thread of its own until Stop (or destruction). The dependencies outlive it. Thread-safe.
class Reconciler {
public:
    Reconciler(ConnectionStore& connections,
               StateStore& state,
               SyncService& sync,
               const TimeSource& clock,
               std::chrono::milliseconds interval,
               WebhookRepair repair = {},
               PlatformEnabled enabled = {});
    ~Reconciler();
    Reconciler(const Reconciler&) = delete;
    Reconciler& operator=(const Reconciler&) = delete;
    Reconciler(Reconciler&&) = delete;
    Reconciler& operator=(Reconciler&&) = delete;

    // One pass at `now`. Fails only when the active connections cannot be listed.
    [[nodiscard]] Result<ReconcilePass> RunOnce(TimePoint now);

    // Runs a pass now and then every `poll_every`, on a new thread. Call at most once.
    void Start(std::chrono::milliseconds poll_every);

    // Ends the thread after its current pass; idempotent.
    void Stop();

private:
    // Reconciles one connection; counts the outcome in `pass`.
    void ReconcileOne(const Connection& connection, TimePoint now, ReconcilePass& pass);
    void RepairWebhooks(const Connection& connection, ReconcilePass& pass);
    void Loop(std::chrono::milliseconds poll_every);

    ConnectionStore& connections_;
    StateStore& state_;
    SyncService& sync_;
    const TimeSource& clock_;
    std::chrono::milliseconds interval_;
    WebhookRepair repair_;
    PlatformEnabled enabled_;
    const log::Logger logger_{"sync.reconcile"};

    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace scs
