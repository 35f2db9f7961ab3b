#include "jobs/outbox/outbox_rows.hpp"

#include <algorithm>
#include <utility>

namespace scs {
namespace {

constexpr size_t kMaxLastErrorLength = 1000;

constexpr std::string_view kCountPendingSql = "SELECT count(*) FROM outbox WHERE sent_at IS NULL";

// The two claims differ only in the row locking: SKIP LOCKED lets PostgreSQL relays pass over
// rows another relay is claiming; SQLite has no row locks and runs claims one at a time.
constexpr std::string_view kClaimSqliteSql =
    "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN (SELECT id FROM outbox "
    "WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= $3) ORDER BY id "
    "LIMIT $4) RETURNING id, queue, group_id, dedup_id, body, attempts";

constexpr std::string_view kClaimPostgresSql =
    "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN (SELECT id FROM outbox "
    "WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= $3) ORDER BY id "
    "LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING id, queue, group_id, dedup_id, body, attempts";

constexpr std::string_view kMarkSentSql =
    "UPDATE outbox SET sent_at = $1 WHERE id = $2 AND claimed_by = $3 AND sent_at IS NULL "
    "RETURNING id";

constexpr std::string_view kMarkFailedSql =
    "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_by = NULL, "
    "claimed_until = $2 WHERE id = $3 AND claimed_by = $4 AND sent_at IS NULL";

constexpr std::string_view kReleaseSql =
    "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL "
    "WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL";

constexpr std::string_view kDeleteSentSql =
    "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NOT NULL AND "
    "sent_at < $1 ORDER BY id LIMIT $2) RETURNING id";

Result<int64_t> CountPending(SqlSession& session) {
    auto rows = session.Exec(kCountPendingSql);
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    return rows->empty() ? 0 : rows->front().Int(0).value_or(0);
}

ClaimedRow ReadClaimedRow(const SqlRow& row) {
    ClaimedRow claimed;
    claimed.id = row.Int(0).value_or(0);
    claimed.queue = row.Text(1);
    claimed.message.group_id = row.Text(2);
    claimed.message.dedup_id = row.Text(3);
    claimed.message.body = row.Text(4);
    claimed.attempts = static_cast<int>(row.Int(5).value_or(0));
    return claimed;
}

Result<OutboxClaim> Claim(SqlSession& session,
                          std::string_view claim_sql,
                          const SqlParams& params,
                          TimePoint until) {
    OutboxClaim claim;
    claim.until = until;
    auto pending = CountPending(session);
    if (!pending) {
        return tl::unexpected(std::move(pending.error()));
    }
    claim.pending = *pending;
    auto rows = session.Exec(claim_sql, params);
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    for (const SqlRow& row : *rows) {
        claim.rows.push_back(ReadClaimedRow(row));
    }
    // RETURNING does not promise the subquery's order.
    std::sort(claim.rows.begin(), claim.rows.end(), [](const auto& a, const auto& b) {
        return a.id < b.id;
    });
    return claim;
}

// Applies one outcome; whether it marked the row sent.
Result<bool> Record(SqlSession& session,
                    std::string_view owner,
                    const RowOutcome& outcome,
                    TimePoint now) {
    const SqlValue holder{std::string(owner)};
    switch (outcome.kind) {
        case RowOutcome::Kind::kSent: {
            auto marked = session.Exec(kMarkSentSql, {ToUnixMillis(now), outcome.id, holder});
            if (!marked) {
                return tl::unexpected(std::move(marked.error()));
            }
            return !marked->empty();
        }
        case RowOutcome::Kind::kFailed: {
            const SqlParams params{
                outcome.error, ToUnixMillis(outcome.retry_at), outcome.id, holder};
            auto failed = session.Exec(kMarkFailedSql, params);
            return failed ? Result<bool>(false) : tl::unexpected(std::move(failed.error()));
        }
        case RowOutcome::Kind::kReleased: {
            auto released = session.Exec(kReleaseSql, {outcome.id, holder});
            return released ? Result<bool>(false) : tl::unexpected(std::move(released.error()));
        }
    }
    return false;
}

}  // namespace

Result<OutboxClaim> ClaimOutboxRows(SqlExecutor& executor,
                                    std::string_view owner,
                                    int limit,
                                    TimePoint now,
                                    std::chrono::milliseconds ttl) {
    const std::string_view sql =
        executor.Dialect() == "postgres" ? kClaimPostgresSql : kClaimSqliteSql;
    const TimePoint until = now + ttl;
    const SqlParams params{
        std::string(owner), ToUnixMillis(until), ToUnixMillis(now), int64_t{limit}};
    return TransactValue<OutboxClaim>(executor, TxMode::kWrite, [&](SqlSession& session) {
        return Claim(session, sql, params, until);
    });
}

Result<int> RecordOutboxOutcomes(SqlExecutor& executor,
                                 std::string_view owner,
                                 const std::vector<RowOutcome>& outcomes,
                                 TimePoint now) {
    if (outcomes.empty()) {
        return 0;
    }
    return TransactValue<int>(executor, TxMode::kWrite, [&](SqlSession& session) -> Result<int> {
        int sent = 0;
        for (const RowOutcome& outcome : outcomes) {
            auto marked = Record(session, owner, outcome, now);
            if (!marked) {
                return tl::unexpected(std::move(marked.error()));
            }
            sent += *marked ? 1 : 0;
        }
        return sent;
    });
}

std::string LastErrorText(const Error& error) {
    std::string text = std::string(ErrorCodeName(error.code)) + ": " + error.message;
    if (text.size() > kMaxLastErrorLength) {
        text.resize(kMaxLastErrorLength);
    }
    for (char& c : text) {
        if (c < ' ' || c > '~') {
            c = '?';
        }
    }
    return text;
}

Result<int64_t> CountPendingOutbox(SqlExecutor& executor) {
    return TransactValue<int64_t>(executor, TxMode::kRead, CountPending);
}

Result<int64_t> DeleteSentOutbox(SqlExecutor& executor, TimePoint older_than, int chunk) {
    int64_t deleted = 0;
    const SqlParams params{ToUnixMillis(older_than), int64_t{chunk}};
    while (true) {
        auto rows = TransactValue<int64_t>(
            executor, TxMode::kWrite, [&](SqlSession& session) -> Result<int64_t> {
                auto removed = session.Exec(kDeleteSentSql, params);
                if (!removed) {
                    return tl::unexpected(std::move(removed.error()));
                }
                return static_cast<int64_t>(removed->size());
            });
        if (!rows) {
            return tl::unexpected(std::move(rows.error()));
        }
        deleted += *rows;
        if (*rows < chunk) {
            return deleted;
        }
    }
}

}  // namespace scs
