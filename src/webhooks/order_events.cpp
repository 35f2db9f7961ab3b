#include "webhooks/order_events.hpp"

#include <string>

#include "sync/order_upsert.hpp"

namespace scs {
namespace {

Result<UpsertOutcome> StoreOrder(SqlExecutor& executor,
                                 const Order& order,
                                 int64_t connection_id,
                                 TimePoint now) {
    return TransactValue<UpsertOutcome>(
        executor, TxMode::kWrite, [&](SqlSession& tx) -> Result<UpsertOutcome> {
            return UpsertOrderWithOutbox(tx, order, connection_id, now);
        });
}

}  // namespace

Result<EventDisposition> ApplyMappedOrder(SqlExecutor& executor,
                                          const Connection& connection,
                                          const Order& order,
                                          TimePoint now,
                                          const std::function<void()>& published) {
    auto stored = StoreOrder(executor, order, connection.id, now);
    if (!stored) {
        return tl::unexpected(std::move(stored.error()));
    }
    if (stored->result == UpsertResult::kStale) {
        return EventDisposition{WebhookEventStatus::kIgnored,
                                "stale: the stored order was updated later on the platform"};
    }
    if (OrderChanged(stored->result) && published) {
        published();
    }
    return EventDisposition{};
}

}  // namespace scs
