#include "jobs/outbox/outbox.hpp"

#include <utility>

#include "jobs/queue_limits.hpp"
#include "jobs/queue_names.hpp"

namespace scs {
namespace {

constexpr std::string_view kInsertSql =
    "INSERT INTO outbox (queue, group_id, dedup_id, body, created_at) "
    "VALUES ($1, $2, $3, $4, $5)";

}  // namespace

Status AppendToOutbox(SqlSession& tx, const OutboxMessage& message, TimePoint now) {
    if (message.queue.empty()) {
        return FailField("queue", "an outbox message needs a queue name");
    }
    if (auto valid = ValidateOutgoing({message.body, message.group_id, message.dedup_id}); !valid) {
        return valid;
    }
    auto inserted = tx.Exec(
        kInsertSql,
        {message.queue, message.group_id, message.dedup_id, message.body, ToUnixMillis(now)});
    if (!inserted) {
        return tl::unexpected(std::move(inserted.error()));
    }
    return {};
}

OutboxMessage OrderOutboxMessage(std::string_view order_id,
                                 int64_t version,
                                 std::string_view group_id,
                                 std::string body) {
    return OutboxMessage{std::string(kOmsOrdersQueue),
                         std::string(group_id),
                         std::string(order_id) + ":" + std::to_string(version),
                         std::move(body)};
}

}  // namespace scs
