#include "push/push_service.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "jobs/outbox/outbox.hpp"
#include "jobs/queue_names.hpp"
#include "jobs/worker/job.hpp"
#include "push/push_request_json.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

PushRecord NewRecord(const Connection& connection, PushKind kind, std::string key) {
    PushRecord record;
    record.connection_id = connection.id;
    record.seller_id = connection.seller_id;
    record.kind = kind;
    record.idempotency_key = std::move(key);
    return record;
}

OutboxMessage JobMessage(const PushRecord& record) {
    const bool inventory = record.kind == PushKind::kInventory;
    const std::string_view type = inventory                               ? kPushInventoryJobType
                                  : record.kind == PushKind::kFulfillment ? kPushFulfillmentJobType
                                                                          : kPushStatusJobType;
    const boost::json::object payload{{"connection_id", record.connection_id},
                                      {"push_id", record.id}};
    return OutboxMessage{std::string(inventory ? kInventoryUpdatesQueue : kOrderUpdatesQueue),
                         std::to_string(record.connection_id),
                         "push:" + std::to_string(record.id),
                         EncodeJob(type, boost::json::serialize(payload))};
}

}  // namespace

Result<CreatedPush> PushService::EnqueueInventory(const Connection& connection,
                                                  const InventoryPushRequest& request) {
    const InventoryPushRequest normalised = NormaliseInventoryPush(request);
    if (auto valid = ValidateInventoryPush(normalised); !valid) {
        return tl::unexpected(valid.error());
    }
    // Without a client key every request is new: a random key never matches an earlier push.
    PushRecord record = NewRecord(connection,
                                  PushKind::kInventory,
                                  normalised.idempotency_key.empty() ? "auto:" + RandomToken(16)
                                                                     : normalised.idempotency_key);
    record.request_json = InventoryPushJson(normalised);
    for (const auto& line : normalised.items) {
        PushItem item;
        item.sku = line.sku;
        item.hub_code = line.hub_code;
        item.quantity = line.quantity;
        record.items.push_back(std::move(item));
    }
    return Create(connection, std::move(record));
}

Result<CreatedPush> PushService::EnqueueFulfillment(const Connection& connection,
                                                    const FulfillmentPushRequest& request) {
    const FulfillmentPushRequest normalised = NormaliseFulfillmentPush(request);
    if (auto valid = ValidateFulfillmentPush(normalised); !valid) {
        return tl::unexpected(valid.error());
    }
    PushRecord record = NewRecord(connection,
                                  PushKind::kFulfillment,
                                  normalised.idempotency_key.empty()
                                      ? DerivedFulfillmentKey(connection.id, normalised)
                                      : normalised.idempotency_key);
    record.order_external_id = normalised.order_external_id;
    record.request_json = FulfillmentPushJson(normalised);
    return Create(connection, std::move(record));
}

Result<CreatedPush> PushService::EnqueueStatus(const Connection& connection,
                                               const StatusPushRequest& request) {
    const StatusPushRequest normalised = NormaliseStatusPush(request);
    if (auto valid = ValidateStatusPush(normalised); !valid) {
        return tl::unexpected(valid.error());
    }
    PushRecord record =
        NewRecord(connection,
                  PushKind::kStatus,
                  normalised.idempotency_key.empty() ? DerivedStatusKey(connection.id, normalised)
                                                     : normalised.idempotency_key);
    record.order_external_id = normalised.order_external_id;
    record.request_json = StatusPushJson(normalised);
    return Create(connection, std::move(record));
}

Result<CreatedPush> PushService::Create(const Connection& connection, PushRecord record) {
    if (auto pushable = CheckConnectionActive(connection, ErrorCode::kConflict); !pushable) {
        return tl::unexpected(pushable.error());
    }
    const TimePoint now = deps_.clock.Now();
    auto created = TransactValue<CreatedPush>(deps_.executor, TxMode::kWrite, [&](SqlSession& tx) {
        auto inserted = CreatePush(tx, record, now);
        if (!inserted || !inserted->created) {
            return inserted;
        }
        return AppendToOutbox(tx, JobMessage(inserted->record), now).and_then([&] {
            return std::move(inserted);
        });
    });
    if (created && created->created && deps_.outbox_notify) {
        deps_.outbox_notify();
    }
    return created;
}

}  // namespace scs
