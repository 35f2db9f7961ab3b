#include "sync/sync_service.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "jobs/worker/job.hpp"

namespace scs {
namespace {

// Older active runs than this many back are not looked at when superseding: every trigger
// supersedes, so active runs never pile up beyond a few.
constexpr int kSupersedeWindow = 20;

std::string CurrentStatus(bool in_progress, const std::vector<SyncRun>& latest) {
    if (in_progress) {
        return "in_progress";
    }
    if (latest.empty()) {
        return "idle";
    }
    switch (latest.front().status) {
        case SyncRunStatus::kFailed:
            return "failed";
        case SyncRunStatus::kQueued:
        case SyncRunStatus::kRunning:
            return "retrying";
        case SyncRunStatus::kSucceeded:
            break;
    }
    return "idle";
}

std::string JobBody(const SyncRun& run) {
    const boost::json::object payload{{"run_id", run.id}, {"connection_id", run.connection_id}};
    return EncodeJob(SyncJobType(run.entity), boost::json::serialize(payload));
}

}  // namespace

std::string_view SyncJobType(std::string_view entity) {
    return entity == "products" ? kSyncProductsJobType : kSyncOrdersJobType;
}

Result<SyncService::Observed> SyncService::Observe(const Connection& connection,
                                                   std::string_view entity) {
    auto lease = deps_.state.GetLease(SyncLeaseKey(connection.id, entity));
    if (!lease) {
        return tl::unexpected(lease.error());
    }
    auto last_sync = deps_.state.GetLastSync(connection.id, entity);
    if (!last_sync) {
        return tl::unexpected(last_sync.error());
    }
    return Observed{lease->has_value(), *last_sync};
}

Result<TriggeredSync> SyncService::Trigger(const Connection& connection,
                                           const SyncRequest& request) {
    if (auto entity = ValidateSyncEntity(request.entity); !entity) {
        return tl::unexpected(entity.error());
    }
    if (auto syncable = CheckConnectionActive(connection, ErrorCode::kNotFound); !syncable) {
        return tl::unexpected(syncable.error());
    }
    auto observed = Observe(connection, request.entity);
    if (!observed) {
        return tl::unexpected(observed.error());
    }
    const auto validity =
        CheckSyncValidity(observed->in_progress,
                          observed->last_sync,
                          FreezeTime(deps_.options, connection.settings, request.entity),
                          deps_.clock.Now(),
                          request.trigger);
    if (auto valid = ValidityStatus(validity, request.entity); !valid) {
        return tl::unexpected(valid.error());
    }
    auto run = CreateRun(connection, request);
    if (!run) {
        return tl::unexpected(run.error());
    }
    auto leased = deps_.state.TryAcquireLease(
        SyncLeaseKey(connection.id, run->entity), SyncLeaseOwner(run->id), deps_.options.lease_ttl);
    if (!leased || !*leased) {
        Abandon(*run, "another sync started first", false);
        if (!leased) {
            return tl::unexpected(leased.error());
        }
        return tl::unexpected(
            ValidityStatus(SyncValidity{false, true, std::nullopt}, run->entity).error());
    }
    SupersedeOthers(*run);
    if (auto enqueued = Enqueue(*run); !enqueued) {
        Abandon(*run, "could not enqueue the sync job: " + enqueued.error().message, true);
        return tl::unexpected(enqueued.error());
    }
    SyncStatusView status{false, observed->last_sync, std::nullopt, false, "in_progress"};
    return TriggeredSync{std::move(*run), std::move(status)};
}

Result<SyncRun> SyncService::CreateRun(const Connection& connection, const SyncRequest& request) {
    auto cursor = GetSyncCursor(deps_.executor, connection.id, request.entity);
    if (!cursor) {
        return tl::unexpected(cursor.error());
    }
    SyncRun run;
    run.connection_id = connection.id;
    run.seller_id = connection.seller_id;
    run.entity = request.entity;
    run.trigger = std::string(SyncTriggerName(request.trigger));
    run.status = SyncRunStatus::kQueued;
    run.from = SyncStartFrom(request.from, *cursor, deps_.options.overlap);
    run.created_at = deps_.clock.Now();
    return CreateSyncRun(deps_.executor, std::move(run));
}

void SyncService::SupersedeOthers(const SyncRun& run) {
    auto runs = ListSyncRuns(deps_.executor, run.connection_id, run.entity, kSupersedeWindow);
    if (!runs) {
        return;
    }
    for (const SyncRun& other : *runs) {
        const bool active =
            other.status == SyncRunStatus::kQueued || other.status == SyncRunStatus::kRunning;
        if (other.id == run.id || !active) {
            continue;
        }
        const std::string why =
            "superseded by run " + std::to_string(run.id) + " after its lease lapsed";
        // Best effort: a run left active is only a stale entry, superseded again next time.
        (void)FinishSyncRun(
            deps_.executor, other.id, SyncRunStatus::kFailed, why, deps_.clock.Now());
    }
}

Status SyncService::Enqueue(const SyncRun& run) {
    const std::string connection = std::to_string(run.connection_id);
    Queue* queue = run.entity == "products" ? deps_.fetch_products : &deps_.fetch_orders;
    if (queue == nullptr) {
        return Fail(ErrorCode::kUnavailable, "products syncs have no queue in this process");
    }
    auto sent = queue->Send(OutgoingMessage{
        JobBody(run), connection, connection + ":" + run.entity + ":" + std::to_string(run.id)});
    if (!sent) {
        return tl::unexpected(sent.error());
    }
    return {};
}

void SyncService::Abandon(const SyncRun& run, const std::string& why, bool release_lease) {
    // Best effort: the trigger already failed, and a run left queued is superseded by the next.
    (void)FinishSyncRun(deps_.executor, run.id, SyncRunStatus::kFailed, why, deps_.clock.Now());
    if (release_lease) {
        (void)deps_.state.ReleaseLease(SyncLeaseKey(run.connection_id, run.entity),
                                       SyncLeaseOwner(run.id));
    }
}

Result<SyncStatusView> SyncService::ReadStatus(const Connection& connection,
                                               std::string_view entity) {
    if (auto valid = ValidateSyncEntity(entity); !valid) {
        return tl::unexpected(valid.error());
    }
    auto observed = Observe(connection, entity);
    if (!observed) {
        return tl::unexpected(observed.error());
    }
    auto latest = ListSyncRuns(deps_.executor, connection.id, entity, 1);
    if (!latest) {
        return tl::unexpected(latest.error());
    }
    auto validity = CheckSyncValidity(observed->in_progress,
                                      observed->last_sync,
                                      FreezeTime(deps_.options, connection.settings, entity),
                                      deps_.clock.Now(),
                                      SyncTrigger::kManual);
    if (!CheckConnectionActive(connection, ErrorCode::kNotFound)) {
        validity.is_valid = false;
    }
    return SyncStatusView{validity.is_valid,
                          observed->last_sync,
                          validity.retry_after,
                          validity.is_valid,
                          CurrentStatus(observed->in_progress, *latest)};
}

}  // namespace scs
