#include "storage/sync_run_codec.hpp"

#include <boost/json.hpp>

#include "storage/store_rows.hpp"

namespace scs {
namespace {

constexpr std::string_view kColumns =
    "id, connection_id, seller_id, entity, trigger_kind, status, from_time, platform_cursor, "
    "high_watermark, pages, seen, created, updated, unchanged, failed, recovered, failures, "
    "error, attempts, created_at, started_at, finished_at";

enum Column : size_t {
    kId,
    kConnectionId,
    kSellerId,
    kEntity,
    kTrigger,
    kStatus,
    kFromTime,
    kCursor,
    kHighWatermark,
    kPages,
    kSeen,
    kCreated,
    kUpdated,
    kUnchanged,
    kFailed,
    kRecovered,
    kFailures,
    kError,
    kAttempts,
    kCreatedAt,
    kStartedAt,
    kFinishedAt,
};

SyncRunCounts ReadCounts(RowReader& reader) {
    SyncRunCounts counts;
    counts.pages = reader.Int(kPages, "pages");
    counts.seen = reader.Int(kSeen, "seen");
    counts.created = reader.Int(kCreated, "created");
    counts.updated = reader.Int(kUpdated, "updated");
    counts.unchanged = reader.Int(kUnchanged, "unchanged");
    counts.failed = reader.Int(kFailed, "failed");
    counts.recovered = reader.Int(kRecovered, "recovered");
    return counts;
}

Result<SyncRun> SyncRunFromRow(const SqlRow& row) {
    RowReader reader(row, "sync_runs");
    SyncRun run;
    run.id = reader.Int(kId, "id");
    run.connection_id = reader.Int(kConnectionId, "connection_id");
    run.seller_id = reader.Text(kSellerId);
    run.entity = reader.Text(kEntity);
    run.trigger = reader.Text(kTrigger);
    run.from = reader.OptionalTime(kFromTime, "from_time");
    run.cursor = reader.Text(kCursor);
    run.high_watermark = reader.OptionalTime(kHighWatermark, "high_watermark");
    run.counts = ReadCounts(reader);
    run.error = reader.Text(kError);
    run.attempts = reader.Int(kAttempts, "attempts");
    run.created_at = reader.Time(kCreatedAt, "created_at");
    run.started_at = reader.OptionalTime(kStartedAt, "started_at");
    run.finished_at = reader.OptionalTime(kFinishedAt, "finished_at");
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    const auto status = ParseSyncRunStatus(reader.Text(kStatus));
    if (!status) {
        return Fail(ErrorCode::kInternal,
                    "stored sync run status is unknown: " + row.Text(kStatus));
    }
    run.status = *status;
    auto failures = DecodeRunFailures(reader.Text(kFailures));
    if (!failures) {
        return tl::unexpected(std::move(failures.error()));
    }
    run.failures = std::move(*failures);
    return run;
}

}  // namespace

std::string SelectSyncRuns(const std::string& where) {
    return "SELECT " + std::string(kColumns) + " FROM sync_runs " + where;
}

Result<std::vector<SyncRun>> SyncRunsFromRows(const Result<SqlRows>& rows) {
    if (!rows) {
        return tl::unexpected(rows.error());
    }
    std::vector<SyncRun> runs;
    runs.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        auto run = SyncRunFromRow(row);
        if (!run) {
            return tl::unexpected(std::move(run.error()));
        }
        runs.push_back(std::move(*run));
    }
    return runs;
}

std::string EncodeRunFailures(const std::vector<SyncRunFailure>& failures) {
    boost::json::array array;
    for (const auto& failure : failures) {
        array.push_back(
            boost::json::object{{"external_id", failure.external_id}, {"error", failure.error}});
    }
    return boost::json::serialize(array);
}

Result<std::vector<SyncRunFailure>> DecodeRunFailures(const std::string& json) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(json, ec);
    const auto* array = ec ? nullptr : parsed.if_array();
    if (array == nullptr) {
        return Fail(ErrorCode::kInternal, "stored sync_runs.failures is not a JSON array");
    }
    std::vector<SyncRunFailure> failures;
    for (const auto& item : *array) {
        const auto* object = item.if_object();
        const auto* id = object == nullptr ? nullptr : object->if_contains("external_id");
        const auto* error = object == nullptr ? nullptr : object->if_contains("error");
        if (id == nullptr || error == nullptr || !id->is_string() || !error->is_string()) {
            return Fail(ErrorCode::kInternal, "stored sync_runs.failures has a malformed entry");
        }
        failures.push_back({std::string(id->as_string()), std::string(error->as_string())});
    }
    return failures;
}

}  // namespace scs
