#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "jobs/queue.hpp"
#include "storage/sql.hpp"

// The outbox table's statements for OutboxRelay (migrations/<dialect>/0004_outbox.up.sql).
// Stateless; each function runs its own transaction(s) through the executor.
namespace scs {

// A pending row claimed by a relay.
struct ClaimedRow {
    int64_t id = 0;
    std::string queue;
    OutgoingMessage message;
    int attempts = 0;  // failed attempts before this claim
};

// One claim: its rows in id order, the claim's end, and how many rows were pending (unsent,
// claimed or not) just before it.
struct OutboxClaim {
    std::vector<ClaimedRow> rows;
    TimePoint until{};
    int64_t pending = 0;
};

// Claims up to `limit` pending rows that no live claim or retry backoff holds, for `owner`
// until now + ttl, in one write transaction. On PostgreSQL the rows are picked with
// SELECT ... FOR UPDATE SKIP LOCKED, so concurrent relays take disjoint rows without waiting;
// on SQLite the write transaction (BEGIN IMMEDIATE) serialises claims.
[[nodiscard]] Result<OutboxClaim> ClaimOutboxRows(SqlExecutor& executor,
                                                  std::string_view owner,
                                                  int limit,
                                                  TimePoint now,
                                                  std::chrono::milliseconds ttl);

// What became of one claimed row.
struct RowOutcome {
    enum class Kind {
        kSent,      // published: mark it sent
        kFailed,    // publishing failed: count the attempt, keep the error, back off
        kReleased,  // not attempted: free it for the next claim
    };

    int64_t id = 0;
    Kind kind = Kind::kReleased;
    std::string error;     // kFailed
    TimePoint retry_at{};  // kFailed: claimable again from then on
};

// Applies `outcomes` in one write transaction, each only to a row `owner` still holds (a row
// whose claim ran out and was taken by another relay is that relay's now). Returns how many rows
// were marked sent.
[[nodiscard]] Result<int> RecordOutboxOutcomes(SqlExecutor& executor,
                                               std::string_view owner,
                                               const std::vector<RowOutcome>& outcomes,
                                               TimePoint now);

// `error` as kept in last_error: "<CODE>: <message>" in printable ASCII (other bytes, which
// could break PostgreSQL's UTF-8 check when cut, become '?'), at most 1000 bytes. Pure.
std::string LastErrorText(const Error& error);

// Rows not yet sent.
[[nodiscard]] Result<int64_t> CountPendingOutbox(SqlExecutor& executor);

// Deletes rows sent before `older_than`, in transactions of at most `chunk` rows so neither
// dialect holds its locks long. Returns how many were deleted.
[[nodiscard]] Result<int64_t> DeleteSentOutbox(SqlExecutor& executor,
                                               TimePoint older_than,
                                               int chunk);

}  // namespace scs
