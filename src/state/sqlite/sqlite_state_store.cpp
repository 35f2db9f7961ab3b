#include "state/sqlite/sqlite_state_store.hpp"

#include "state/lease_args.hpp"
#include "state/token_bucket.hpp"

namespace scs {
namespace {

constexpr std::string_view kLease = "lease";
constexpr std::string_view kLock = "lock";

// Takes the row only when it is free, expired or already the owner's; RETURNING then yields
// the row, and nothing when the DO UPDATE's WHERE refused it.
constexpr std::string_view kAcquireSql =
    "INSERT INTO state_leases (kind, key, owner, expires_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (kind, key) DO UPDATE SET owner = excluded.owner, expires_at = "
    "excluded.expires_at WHERE state_leases.owner = excluded.owner OR state_leases.expires_at <= "
    "$5 RETURNING owner";

constexpr std::string_view kRenewSql =
    "UPDATE state_leases SET expires_at = $4 "
    "WHERE kind = $1 AND key = $2 AND owner = $3 AND expires_at > $5 RETURNING owner";

constexpr std::string_view kHolderSql =
    "SELECT owner, expires_at FROM state_leases WHERE kind = $1 AND key = $2 AND expires_at > $3";

constexpr std::string_view kDeleteLeaseSql =
    "DELETE FROM state_leases WHERE kind = $1 AND key = $2";

constexpr std::string_view kSetLastSyncSql =
    "INSERT INTO state_last_sync (connection_id, entity, synced_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (connection_id, entity) DO UPDATE SET synced_at = excluded.synced_at";

constexpr std::string_view kGetLastSyncSql =
    "SELECT synced_at FROM state_last_sync WHERE connection_id = $1 AND entity = $2";

constexpr std::string_view kGetBucketSql =
    "SELECT level, updated_at FROM state_buckets WHERE name = $1";

constexpr std::string_view kPutBucketSql =
    "INSERT INTO state_buckets (name, level, updated_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (name) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at";

SqlValue Text(std::string_view text) {
    return std::string(text);
}

// Whether `sql` changed (and so returned) at least one row.
Result<bool> ReturnedRow(SqlSession& session, std::string_view sql, const SqlParams& params) {
    auto rows = session.Exec(sql, params);
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    return !rows->empty();
}

Result<std::optional<LeaseInfo>> ReadHolder(SqlSession& session,
                                            std::string_view kind,
                                            std::string_view key,
                                            int64_t now_ms) {
    auto rows = session.Exec(kHolderSql, {Text(kind), Text(key), now_ms});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    if (rows->empty()) {
        return std::optional<LeaseInfo>();
    }
    const SqlRow& row = rows->front();
    return LeaseInfo{row.Text(0), FromUnixMillis(row.Int(1).value_or(0))};
}

Result<std::optional<BucketState>> ReadBucket(SqlSession& session, std::string_view bucket) {
    auto rows = session.Exec(kGetBucketSql, {Text(bucket)});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    if (rows->empty()) {
        return std::optional<BucketState>();
    }
    const SqlRow& row = rows->front();
    return BucketState{row.Int(0).value_or(0), row.Int(1).value_or(0)};
}

}  // namespace

SqliteStateStore::SqliteStateStore(SqlExecutor& executor, const TimeSource& time)
    : executor_(executor), time_(time) {}

Result<bool> SqliteStateStore::TryAcquireLease(std::string_view key,
                                               std::string_view owner,
                                               std::chrono::milliseconds ttl) {
    return Acquire(kLease, key, owner, ttl);
}

Result<bool> SqliteStateStore::RenewLease(std::string_view key,
                                          std::string_view owner,
                                          std::chrono::milliseconds ttl) {
    if (auto checked = CheckLeaseArgs(key, owner, ttl); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    return TransactValue<bool>(executor_, TxMode::kWrite, [&](SqlSession& session) {
        const int64_t now = NowMillis();
        return ReturnedRow(
            session, kRenewSql, {Text(kLease), Text(key), Text(owner), now + ttl.count(), now});
    });
}

Status SqliteStateStore::ReleaseLease(std::string_view key, std::string_view owner) {
    return Release(kLease, key, owner);
}

Result<std::optional<LeaseInfo>> SqliteStateStore::GetLease(std::string_view key) {
    return TransactValue<std::optional<LeaseInfo>>(
        executor_, TxMode::kRead, [&](SqlSession& session) {
            return ReadHolder(session, kLease, key, NowMillis());
        });
}

Status SqliteStateStore::SetLastSync(int64_t connection_id, std::string_view entity, TimePoint at) {
    if (entity.empty()) {
        return FailField("entity", "entity: must not be empty");
    }
    return executor_.Transact(TxMode::kWrite, [&](SqlSession& session) -> Status {
        auto written =
            session.Exec(kSetLastSyncSql, {connection_id, Text(entity), ToUnixMillis(at)});
        if (!written) {
            return tl::unexpected(std::move(written.error()));
        }
        return {};
    });
}

Result<std::optional<TimePoint>> SqliteStateStore::GetLastSync(int64_t connection_id,
                                                               std::string_view entity) {
    return TransactValue<std::optional<TimePoint>>(
        executor_, TxMode::kRead, [&](SqlSession& session) -> Result<std::optional<TimePoint>> {
            auto rows = session.Exec(kGetLastSyncSql, {connection_id, Text(entity)});
            if (!rows) {
                return tl::unexpected(std::move(rows.error()));
            }
            if (rows->empty()) {
                return std::optional<TimePoint>();
            }
            return FromUnixMillis(rows->front().Int(0).value_or(0));
        });
}

Result<BucketResult> SqliteStateStore::TryTake(std::string_view bucket,
                                               double capacity,
                                               double refill_per_second,
                                               double tokens) {
    if (bucket.empty()) {
        return FailField("bucket", "bucket: must not be empty");
    }
    const auto request = MakeBucketRequest(capacity, refill_per_second, tokens);
    if (!request) {
        return tl::unexpected(request.error());
    }
    auto draw = TransactValue<BucketDraw>(
        executor_, TxMode::kWrite, [&](SqlSession& session) -> Result<BucketDraw> {
            auto state = ReadBucket(session, bucket);
            if (!state) {
                return tl::unexpected(std::move(state.error()));
            }
            const BucketDraw result = DrawFromBucket(*state, *request, NowMillis());
            if (!result.granted) {
                return result;
            }
            auto put = session.Exec(kPutBucketSql,
                                    {Text(bucket), result.next.level, result.next.updated_ms});
            if (!put) {
                return tl::unexpected(std::move(put.error()));
            }
            return result;
        });
    if (!draw) {
        return tl::unexpected(std::move(draw.error()));
    }
    return ToBucketResult(*draw);
}

Result<bool> SqliteStateStore::TryLock(std::string_view key,
                                       std::string_view owner,
                                       std::chrono::milliseconds ttl) {
    return Acquire(kLock, key, owner, ttl);
}

Status SqliteStateStore::Unlock(std::string_view key, std::string_view owner) {
    return Release(kLock, key, owner);
}

Result<bool> SqliteStateStore::Acquire(std::string_view kind,
                                       std::string_view key,
                                       std::string_view owner,
                                       std::chrono::milliseconds ttl) {
    if (auto checked = CheckLeaseArgs(key, owner, ttl); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    return TransactValue<bool>(executor_, TxMode::kWrite, [&](SqlSession& session) {
        const int64_t now = NowMillis();
        return ReturnedRow(
            session, kAcquireSql, {Text(kind), Text(key), Text(owner), now + ttl.count(), now});
    });
}

Status SqliteStateStore::Release(std::string_view kind,
                                 std::string_view key,
                                 std::string_view owner) {
    if (auto checked = CheckLeaseArgs(key, owner); !checked) {
        return checked;
    }
    // The holder it found instead of `owner`, if any.
    auto other = TransactValue<std::optional<std::string>>(
        executor_, TxMode::kWrite, [&](SqlSession& session) -> Result<std::optional<std::string>> {
            auto holder = ReadHolder(session, kind, key, NowMillis());
            if (!holder) {
                return tl::unexpected(std::move(holder.error()));
            }
            if (*holder && (*holder)->owner != owner) {
                return std::optional<std::string>((*holder)->owner);
            }
            auto deleted = session.Exec(kDeleteLeaseSql, {Text(kind), Text(key)});
            if (!deleted) {
                return tl::unexpected(std::move(deleted.error()));
            }
            return std::optional<std::string>();
        });
    if (!other) {
        return tl::unexpected(std::move(other.error()));
    }
    if (*other) {
        return Fail(ErrorCode::kConflict,
                    std::string(kind) + " " + std::string(key) + " is held by " + **other);
    }
    return {};
}

}  // namespace scs
