#include "webhooks/order_events.hpp"

#include <string>

#include "jobs/outbox/outbox.hpp"
#include "jobs/worker/job_outcome.hpp"
#include "storage/order_store.hpp"
#include "sync/canonical_order_json.hpp"

namespace scs {
namespace {

bool Changed(UpsertResult result) {
    return result == UpsertResult::kCreated || result == UpsertResult::kUpdated;
}

Result<UpsertOutcome> StoreOrder(SqlExecutor& executor,
                                 const Order& order,
                                 int64_t connection_id,
                                 TimePoint now) {
    const std::string hash = CanonicalContentHash(order);
    return TransactValue<UpsertOutcome>(
        executor, TxMode::kWrite, [&](SqlSession& tx) -> Result<UpsertOutcome> {
            auto outcome = UpsertOrder(tx, order, hash, now, OrderToJson);
            if (!outcome || !Changed(outcome->result)) {
                return outcome;
            }
            auto message = OrderOutboxMessage(
                order.id, outcome->version, std::to_string(connection_id), outcome->body_json);
            if (auto queued = AppendToOutbox(tx, message, now); !queued) {
                return tl::unexpected(std::move(queued.error()));
            }
            return outcome;
        });
}

}  // namespace

OrderMappingContext MappingContextFor(const Connection& connection, TimePoint received_at) {
    OrderMappingContext context;
    context.seller_id = connection.seller_id;
    context.connection_id = connection.id;
    context.status_overrides = connection.settings.status_mapping;
    for (const auto& [hub, location] : connection.settings.hub_locations) {
        context.location_hubs[location] = hub;
    }
    context.received_at = received_at;
    return context;
}

Result<EventDisposition> ApplyMappedOrder(SqlExecutor& executor,
                                          const Connection& connection,
                                          const Result<Order>& order,
                                          TimePoint now,
                                          const std::function<void()>& published) {
    if (!order) {
        return EventDisposition{WebhookEventStatus::kFailed, DescribeError(order.error())};
    }
    auto stored = StoreOrder(executor, *order, connection.id, now);
    if (!stored) {
        return tl::unexpected(std::move(stored.error()));
    }
    if (stored->result == UpsertResult::kStale) {
        return EventDisposition{WebhookEventStatus::kIgnored,
                                "stale: the stored order was updated later on the platform"};
    }
    if (Changed(stored->result) && published) {
        published();
    }
    return EventDisposition{};
}

}  // namespace scs
