#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"

// The write side of the transactional outbox (DESIGN §4, "Outbox relay"): a message is stored in
// the service database in the same transaction as the data it announces, so both commit or
// neither does; OutboxRelay publishes it to its queue afterwards.
namespace scs {

// A message bound for a queue. `queue` is the unprefixed name (kOmsOrdersQueue); group_id and
// dedup_id follow OutgoingMessage's rules (jobs/queue.hpp). Plain data.
struct OutboxMessage {
    std::string queue;
    std::string group_id;
    std::string dedup_id;
    std::string body;
};

// Stores `message` as a pending outbox row through `tx`, a session of the caller's open write
// transaction: the row commits or rolls back with the caller's other writes. kBadRequest (naming
// the field) for an empty queue name or a message Queue::Send would refuse (ValidateOutgoing);
// otherwise the session's errors. After the commit, OutboxRelay::Notify publishes it without
// waiting for the relay's next poll.
[[nodiscard]] Status AppendToOutbox(SqlSession& tx, const OutboxMessage& message, TimePoint now);

// The message announcing version `version` of order `order_id` to the OMS: queue oms-orders,
// dedup id "<order id>:<version>" (the OMS deduplicates on id + version), group `group_id` (the
// connection). Pure.
OutboxMessage OrderOutboxMessage(std::string_view order_id,
                                 int64_t version,
                                 std::string_view group_id,
                                 std::string body);

}  // namespace scs
