#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"

// Sync runs (table `sync_runs`) and per-connection sync cursors (table `sync_cursors`),
// migration 0006. A run is one execution of a sync job: what it was asked, how far it got and
// what it found. The functions taking an SqlSession run inside the caller's transaction.
namespace scs {

enum class SyncRunStatus { kQueued, kRunning, kSucceeded, kFailed };

std::string_view SyncRunStatusName(SyncRunStatus status);
std::optional<SyncRunStatus> ParseSyncRunStatus(std::string_view name);

// What started a run: "manual" (API trigger) or "reconcile" (the scheduler).
struct SyncRunCounts {
    int64_t pages = 0;
    int64_t seen = 0;
    int64_t created = 0;
    int64_t updated = 0;
    int64_t unchanged = 0;  // unchanged or stale
    int64_t failed = 0;     // poison records skipped
    int64_t recovered = 0;  // created by a reconcile run: orders no webhook delivered

    bool operator==(const SyncRunCounts&) const = default;
};

// A record that failed to map, kept on its run (at most kMaxRunFailures per run).
struct SyncRunFailure {
    std::string external_id;
    std::string error;

    bool operator==(const SyncRunFailure&) const = default;
};

inline constexpr size_t kMaxRunFailures = 100;

struct SyncRun {
    int64_t id = 0;
    int64_t connection_id = 0;
    std::string seller_id;
    std::string entity;   // "orders"
    std::string trigger;  // "manual" or "reconcile"
    SyncRunStatus status = SyncRunStatus::kQueued;
    std::optional<TimePoint> from;            // orders updated at or after this; empty: everything
    std::string cursor;                       // the platform cursor after the last committed page
    std::optional<TimePoint> high_watermark;  // latest platform updated_at committed
    SyncRunCounts counts;
    std::vector<SyncRunFailure> failures;
    std::string error;  // the last error of a failed (or retrying) run
    int64_t attempts = 0;
    TimePoint created_at{};
    std::optional<TimePoint> started_at;
    std::optional<TimePoint> finished_at;
};

// Inserts a queued run; returns it with its id.
[[nodiscard]] Result<SyncRun> CreateSyncRun(SqlExecutor& executor, SyncRun run);

// kNotFound when the run does not exist or belongs to another connection.
[[nodiscard]] Result<SyncRun> GetSyncRun(SqlExecutor& executor,
                                         int64_t connection_id,
                                         int64_t run_id);

// A connection's runs, newest first; `entity` empty means every entity. limit 1-200.
[[nodiscard]] Result<std::vector<SyncRun>> ListSyncRuns(SqlExecutor& executor,
                                                        int64_t connection_id,
                                                        std::string_view entity,
                                                        int limit);

// The newest run of a connection + entity that is queued or running, if any.
[[nodiscard]] Result<std::optional<SyncRun>> FindActiveSyncRun(SqlExecutor& executor,
                                                               int64_t connection_id,
                                                               std::string_view entity);

// Marks the run running (sets started_at the first time, attempts + 1).
[[nodiscard]] Status StartSyncRun(SqlExecutor& executor, int64_t run_id, TimePoint now);

// Inside the page's transaction: adds `delta` to the counts, appends `failures` (up to the cap),
// stores the new cursor and raises high_watermark to `watermark` when later.
[[nodiscard]] Status CheckpointSyncRun(SqlSession& tx,
                                       int64_t run_id,
                                       std::string_view cursor,
                                       std::optional<TimePoint> watermark,
                                       const SyncRunCounts& delta,
                                       const std::vector<SyncRunFailure>& failures);

// Ends the run: kSucceeded or kFailed with `error`; finished_at = now.
[[nodiscard]] Status FinishSyncRun(SqlExecutor& executor,
                                   int64_t run_id,
                                   SyncRunStatus status,
                                   std::string_view error,
                                   TimePoint now);

// Records an attempt's error on a run that will be retried (status stays running).
[[nodiscard]] Status NoteSyncRunError(SqlExecutor& executor,
                                      int64_t run_id,
                                      std::string_view error);

// The per-connection, per-entity high-water mark of platform updated times (the "last cursor"
// a sync without `from` continues from, minus the overlap). Raised, never lowered, inside the
// page's transaction.
[[nodiscard]] Status AdvanceSyncCursor(SqlSession& tx,
                                       int64_t connection_id,
                                       std::string_view entity,
                                       TimePoint watermark);

[[nodiscard]] Result<std::optional<TimePoint>> GetSyncCursor(SqlExecutor& executor,
                                                             int64_t connection_id,
                                                             std::string_view entity);

}  // namespace scs
