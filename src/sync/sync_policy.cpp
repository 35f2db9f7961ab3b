#include "sync/sync_policy.hpp"

#include <array>

namespace scs {
namespace {

constexpr int kDefaultBatchSize = 50;
constexpr std::array<std::string_view, 2> kNotYetSupported{"inventory", "returns"};

}  // namespace

std::string_view SyncTriggerName(SyncTrigger trigger) {
    return trigger == SyncTrigger::kReconcile ? "reconcile" : "manual";
}

Status ValidateSyncEntity(std::string_view entity) {
    if (entity == "orders" || entity == "products") {
        return {};
    }
    for (std::string_view known : kNotYetSupported) {
        if (entity == known) {
            return FailField("entity",
                             "entity: syncing " + std::string(entity) + " is not supported yet");
        }
    }
    if (entity.empty()) {
        return FailField("entity", "entity: required (orders or products)");
    }
    return FailField("entity", "entity: unknown sync entity '" + std::string(entity) + "'");
}

std::chrono::milliseconds FreezeTime(const SyncOptions& options,
                                     const ConnectionSettings& settings,
                                     std::string_view entity) {
    const std::string key(entity);
    if (auto own = settings.freeze_times.find(key); own != settings.freeze_times.end()) {
        return own->second;
    }
    if (auto global = options.freeze_times.find(key); global != options.freeze_times.end()) {
        return global->second;
    }
    return std::chrono::milliseconds(0);
}

int BatchSize(const SyncOptions& options, std::string_view entity) {
    const auto it = options.batch_sizes.find(std::string(entity));
    return it == options.batch_sizes.end() || it->second <= 0 ? kDefaultBatchSize : it->second;
}

SyncValidity CheckSyncValidity(bool in_progress,
                               std::optional<TimePoint> last_sync,
                               std::chrono::milliseconds freeze,
                               TimePoint now,
                               SyncTrigger trigger) {
    if (in_progress) {
        return SyncValidity{false, true, std::nullopt};
    }
    if (trigger == SyncTrigger::kReconcile || !last_sync || freeze.count() <= 0) {
        return SyncValidity{};
    }
    const auto unfrozen_at = *last_sync + freeze;
    if (now >= unfrozen_at) {
        return SyncValidity{};
    }
    return SyncValidity{false, false, std::chrono::ceil<std::chrono::seconds>(unfrozen_at - now)};
}

Status ValidityStatus(const SyncValidity& validity, std::string_view entity) {
    if (validity.is_valid) {
        return {};
    }
    if (validity.in_progress) {
        return Fail(ErrorCode::kSyncInProgress,
                    "a sync of " + std::string(entity) + " is already in progress");
    }
    const auto wait = validity.retry_after.value_or(std::chrono::seconds(1));
    return FailRetryAfter(ErrorCode::kRateLimited,
                          "the last " + std::string(entity) +
                              " sync finished too recently; retry in " +
                              std::to_string(wait.count()) + " s",
                          wait);
}

std::optional<TimePoint> SyncStartFrom(std::optional<TimePoint> requested,
                                       std::optional<TimePoint> cursor,
                                       std::chrono::milliseconds overlap) {
    if (requested) {
        return requested;
    }
    if (!cursor) {
        return std::nullopt;
    }
    return *cursor - overlap;
}

std::string SyncLeaseKey(int64_t connection_id, std::string_view entity) {
    return "sync:" + std::to_string(connection_id) + ":" + std::string(entity);
}

std::string SyncLeaseOwner(int64_t run_id) {
    return "run:" + std::to_string(run_id);
}

std::string ReconcileMarker(std::string_view entity) {
    return std::string(entity) + ":reconcile";
}

bool ReconcileDue(std::optional<TimePoint> last_reconcile,
                  std::chrono::milliseconds interval,
                  TimePoint now) {
    return !last_reconcile || now - *last_reconcile >= interval;
}

}  // namespace scs
