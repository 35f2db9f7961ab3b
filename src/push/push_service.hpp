#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/connector.hpp"
#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/push_store.hpp"
#include "storage/sql.hpp"

// Accepting push-back requests (DESIGN §4 "Push back"): each request becomes a push record and a
// job in one transaction (the job leaves through the outbox), so an accepted request is never
// lost and a repeated one is never queued twice.
namespace scs {

// The job types, carried on kInventoryUpdatesQueue (inventory) and kOrderUpdatesQueue (the
// others), group = the connection id.
inline constexpr std::string_view kPushInventoryJobType = "push.inventory";
inline constexpr std::string_view kPushFulfillmentJobType = "push.fulfillment";
inline constexpr std::string_view kPushStatusJobType = "push.status";

// At most this many items in one inventory request.
inline constexpr size_t kMaxInventoryLines = 1000;
// The largest quantity a push may carry: more than any stock or shipment, and small enough that
// no platform or sum over lines overflows.
inline constexpr int64_t kMaxPushQuantity = 1'000'000'000;

struct InventoryLine {
    std::string sku;
    std::string hub_code;
    int64_t quantity = 0;  // absolute units available in the hub, >= 0
};

struct InventoryPushRequest {
    std::vector<InventoryLine> items;
    std::string idempotency_key;  // the client's Idempotency-Key; empty: every request is new
};

struct FulfillmentPushRequest {
    std::string order_external_id;
    std::string tracking_number;
    std::string carrier;
    std::string tracking_url;
    std::vector<FulfillmentLine> lines;  // empty: every remaining line
    bool notify_customer = false;
    std::string idempotency_key;  // empty: derived from the order and the normalised request
};

// The canonical status a seller asks for: "cancelled" or "closed".
struct StatusPushRequest {
    std::string order_external_id;
    std::string status;
    std::string reason;  // cancel: customer, declined, fraud, inventory, staff or other (default)
    bool restock = true;
    bool refund = false;
    bool notify_customer = false;
    std::string idempotency_key;  // empty: derived from the order and the status
};

// kBadRequest naming the field ("items[3].quantity", ...) for a request that cannot be pushed:
// no items or more than kMaxInventoryLines, an empty SKU or hub code, a negative quantity or one
// above kMaxPushQuantity, the same SKU + hub twice in one request; an empty order id, a line
// without SKU or with quantity < 1 or above kMaxPushQuantity, a duplicate SKU among the lines,
// a tracking URL that is not http(s); a status other than cancelled/closed, an unknown cancel
// reason. Pure.
[[nodiscard]] Status ValidateInventoryPush(const InventoryPushRequest& request);
[[nodiscard]] Status ValidateFulfillmentPush(const FulfillmentPushRequest& request);
[[nodiscard]] Status ValidateStatusPush(const StatusPushRequest& request);

// The key a fulfilment or status request is deduplicated by when the client sends none: a hash
// of the connection, the order and the normalised request, so the same shipment or the same
// status change asked twice is one push. Pure.
std::string DerivedFulfillmentKey(int64_t connection_id, const FulfillmentPushRequest& request);
std::string DerivedStatusKey(int64_t connection_id, const StatusPushRequest& request);

struct PushServiceDeps {
    SqlExecutor& executor;
    const TimeSource& clock;
    std::function<void()> outbox_notify;  // may be empty: wakes this process's outbox relay
};

// Thread-safe (no state of its own). Errors: the Validate* errors; kConflict for a paused or
// disconnected connection, kInvalidCredentials for one that needs re-authorisation (a job could
// not succeed); storage errors as they come (kUnavailable when the database is down).
class PushService {
public:
    explicit PushService(PushServiceDeps deps) : deps_(std::move(deps)) {}

    [[nodiscard]] Result<CreatedPush> EnqueueInventory(const Connection& connection,
                                                       const InventoryPushRequest& request);
    [[nodiscard]] Result<CreatedPush> EnqueueFulfillment(const Connection& connection,
                                                         const FulfillmentPushRequest& request);
    [[nodiscard]] Result<CreatedPush> EnqueueStatus(const Connection& connection,
                                                    const StatusPushRequest& request);

private:
    // Checks the connection, then creates the push and, when new, its job in one transaction.
    [[nodiscard]] Result<CreatedPush> Create(const Connection& connection, PushRecord record);

    PushServiceDeps deps_;
};

}  // namespace scs
