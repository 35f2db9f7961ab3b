#include "storage/sync_run_store.hpp"

#include <array>

#include "storage/store_rows.hpp"
#include "storage/sync_run_codec.hpp"

namespace scs {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO sync_runs (connection_id, seller_id, entity, trigger_kind, status, from_time, "
    "platform_cursor, high_watermark, failures, error, attempts, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";

constexpr std::string_view kStart =
    "UPDATE sync_runs SET status = 'running', started_at = COALESCE(started_at, $2), "
    "attempts = attempts + 1 WHERE id = $1 RETURNING id";

constexpr std::string_view kReadProgress =
    "SELECT failures, high_watermark FROM sync_runs WHERE id = $1";

constexpr std::string_view kCheckpoint =
    "UPDATE sync_runs SET platform_cursor = $2, high_watermark = $3, failures = $4, "
    "pages = pages + $5, seen = seen + $6, created = created + $7, updated = updated + $8, "
    "unchanged = unchanged + $9, failed = failed + $10, recovered = recovered + $11 "
    "WHERE id = $1";

constexpr std::string_view kFinish =
    "UPDATE sync_runs SET status = $2, error = $3, finished_at = $4 WHERE id = $1 RETURNING id";

constexpr std::string_view kNoteError =
    "UPDATE sync_runs SET error = $2 WHERE id = $1 RETURNING id";

// Raise-only in one statement, so concurrent pages of one connection cannot lower it.
constexpr std::string_view kAdvanceCursor =
    "INSERT INTO sync_cursors (connection_id, entity, watermark) VALUES ($1, $2, $3) "
    "ON CONFLICT (connection_id, entity) DO UPDATE SET watermark = excluded.watermark "
    "WHERE sync_cursors.watermark < excluded.watermark";

constexpr std::string_view kGetCursor =
    "SELECT watermark FROM sync_cursors WHERE connection_id = $1 AND entity = $2";

constexpr std::array<std::string_view, 4> kStatusNames{"queued", "running", "succeeded", "failed"};

std::string RunNotFound(int64_t run_id) {
    return "sync run " + std::to_string(run_id);
}

Result<std::vector<SyncRun>> QueryRuns(SqlExecutor& executor,
                                       const std::string& where,
                                       const SqlParams& params) {
    return TransactValue<std::vector<SyncRun>>(executor, TxMode::kRead, [&](SqlSession& session) {
        return SyncRunsFromRows(session.Exec(SelectSyncRuns(where), params));
    });
}

Status ExecUpdate(SqlExecutor& executor,
                  std::string_view sql,
                  const SqlParams& params,
                  int64_t run_id) {
    return executor.Transact(TxMode::kWrite, [&](SqlSession& session) {
        return ExpectOneRow(session.Exec(sql, params), RunNotFound(run_id));
    });
}

// The watermark after a page: the later of the stored one and the page's.
std::optional<TimePoint> Later(std::optional<TimePoint> stored, std::optional<TimePoint> page) {
    if (!stored) {
        return page;
    }
    if (!page) {
        return stored;
    }
    return std::max(*stored, *page);
}

}  // namespace

std::string_view SyncRunStatusName(SyncRunStatus status) {
    return kStatusNames.at(static_cast<size_t>(status));
}

std::optional<SyncRunStatus> ParseSyncRunStatus(std::string_view name) {
    for (size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames.at(i) == name) {
            return static_cast<SyncRunStatus>(i);
        }
    }
    return std::nullopt;
}

Result<SyncRun> CreateSyncRun(SqlExecutor& executor, SyncRun run) {
    const SqlParams params{run.connection_id,
                           run.seller_id,
                           run.entity,
                           run.trigger,
                           std::string(SyncRunStatusName(run.status)),
                           TimeParam(run.from),
                           run.cursor,
                           TimeParam(run.high_watermark),
                           EncodeRunFailures(run.failures),
                           run.error,
                           run.attempts,
                           ToUnixMillis(run.created_at)};
    auto id = TransactValue<int64_t>(executor, TxMode::kWrite, [&](SqlSession& session) {
        return InsertedId(session.Exec(kInsert, params), "sync_runs");
    });
    if (!id) {
        return tl::unexpected(std::move(id.error()));
    }
    run.id = *id;
    return run;
}

Result<SyncRun> GetSyncRun(SqlExecutor& executor, int64_t connection_id, int64_t run_id) {
    auto runs =
        QueryRuns(executor, "WHERE id = $1 AND connection_id = $2", {run_id, connection_id});
    if (!runs) {
        return tl::unexpected(std::move(runs.error()));
    }
    if (runs->empty()) {
        return Fail(ErrorCode::kNotFound, RunNotFound(run_id) + " not found");
    }
    return std::move(runs->front());
}

Result<std::vector<SyncRun>> ListSyncRuns(SqlExecutor& executor,
                                          int64_t connection_id,
                                          std::string_view entity,
                                          int limit) {
    if (auto checked = CheckListLimit(limit); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    if (entity.empty()) {
        return QueryRuns(executor,
                         "WHERE connection_id = $1 ORDER BY id DESC LIMIT $2",
                         {connection_id, int64_t{limit}});
    }
    return QueryRuns(executor,
                     "WHERE connection_id = $1 AND entity = $2 ORDER BY id DESC LIMIT $3",
                     {connection_id, std::string(entity), int64_t{limit}});
}

Result<std::optional<SyncRun>> FindActiveSyncRun(SqlExecutor& executor,
                                                 int64_t connection_id,
                                                 std::string_view entity) {
    auto runs = QueryRuns(executor,
                          "WHERE connection_id = $1 AND entity = $2 AND status IN "
                          "('queued', 'running') ORDER BY id DESC LIMIT 1",
                          {connection_id, std::string(entity)});
    if (!runs) {
        return tl::unexpected(std::move(runs.error()));
    }
    if (runs->empty()) {
        return std::optional<SyncRun>();
    }
    return std::optional<SyncRun>(std::move(runs->front()));
}

Status StartSyncRun(SqlExecutor& executor, int64_t run_id, TimePoint now) {
    return ExecUpdate(executor, kStart, {run_id, ToUnixMillis(now)}, run_id);
}

Status CheckpointSyncRun(SqlSession& tx,
                         int64_t run_id,
                         std::string_view cursor,
                         std::optional<TimePoint> watermark,
                         const SyncRunCounts& delta,
                         const std::vector<SyncRunFailure>& failures) {
    auto rows = tx.Exec(std::string(kReadProgress) + std::string(ForUpdate(tx)), {run_id});
    if (auto found = ExpectOneRow(rows, RunNotFound(run_id)); !found) {
        return found;
    }
    const SqlRow& row = rows->front();
    auto stored_failures = DecodeRunFailures(row.Text(0));
    if (!stored_failures) {
        return tl::unexpected(std::move(stored_failures.error()));
    }
    for (const auto& failure : failures) {
        if (stored_failures->size() >= kMaxRunFailures) {
            break;
        }
        stored_failures->push_back(failure);
    }
    RowReader reader(row, "sync_runs");
    const auto stored_watermark = reader.OptionalTime(1, "high_watermark");
    if (auto checked = reader.Check(); !checked) {
        return checked;
    }
    auto updated = tx.Exec(kCheckpoint,
                           {run_id,
                            std::string(cursor),
                            TimeParam(Later(stored_watermark, watermark)),
                            EncodeRunFailures(*stored_failures),
                            delta.pages,
                            delta.seen,
                            delta.created,
                            delta.updated,
                            delta.unchanged,
                            delta.failed,
                            delta.recovered});
    if (!updated) {
        return tl::unexpected(std::move(updated.error()));
    }
    return {};
}

Status FinishSyncRun(SqlExecutor& executor,
                     int64_t run_id,
                     SyncRunStatus status,
                     std::string_view error,
                     TimePoint now) {
    if (status != SyncRunStatus::kSucceeded && status != SyncRunStatus::kFailed) {
        return FailField("status", "status: a run finishes as succeeded or failed");
    }
    return ExecUpdate(
        executor,
        kFinish,
        {run_id, std::string(SyncRunStatusName(status)), std::string(error), ToUnixMillis(now)},
        run_id);
}

Status NoteSyncRunError(SqlExecutor& executor, int64_t run_id, std::string_view error) {
    return ExecUpdate(executor, kNoteError, {run_id, std::string(error)}, run_id);
}

Status AdvanceSyncCursor(SqlSession& tx,
                         int64_t connection_id,
                         std::string_view entity,
                         TimePoint watermark) {
    auto rows =
        tx.Exec(kAdvanceCursor, {connection_id, std::string(entity), ToUnixMillis(watermark)});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    return {};
}

Result<std::optional<TimePoint>> GetSyncCursor(SqlExecutor& executor,
                                               int64_t connection_id,
                                               std::string_view entity) {
    return TransactValue<std::optional<TimePoint>>(
        executor, TxMode::kRead, [&](SqlSession& session) -> Result<std::optional<TimePoint>> {
            auto rows = session.Exec(kGetCursor, {connection_id, std::string(entity)});
            if (!rows) {
                return tl::unexpected(std::move(rows.error()));
            }
            if (rows->empty()) {
                return std::optional<TimePoint>();
            }
            RowReader reader(rows->front(), "sync_cursors");
            const auto watermark = reader.Time(0, "watermark");
            if (auto checked = reader.Check(); !checked) {
                return tl::unexpected(std::move(checked.error()));
            }
            return std::optional<TimePoint>(watermark);
        });
}

}  // namespace scs
