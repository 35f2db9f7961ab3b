#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/connection.hpp"
#include "core/listing.hpp"
#include "core/order.hpp"
#include "core/order_mapping_context.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace scs {

// Where a connector reads and writes one connection's credentials while it works: the token
// refresh of an OAuth platform stores the rotated tokens here before it uses them, and a process
// that lost the refresh race reads the winner's tokens back. Implemented by the composition root
// over the ConnectionStore and SecretBox; thread-safe.
class CredentialVault {
public:
    virtual ~CredentialVault() = default;

    // The connection's current credentials, read afresh from storage.
    [[nodiscard]] virtual Result<Credentials> Load(int64_t connection_id) = 0;

    // Replaces the connection's credentials (all fields) durably.
    [[nodiscard]] virtual Status Save(int64_t connection_id, const Credentials& credentials) = 0;
};

// One connection as a connector call sees it: the connection, its credentials in the clear, and
// the vault for rotated tokens. Built per job by the caller; not shared between threads.
struct ConnectorSession {
    Connection connection;
    Credentials credentials;
    CredentialVault* vault = nullptr;  // may be null where no refresh can happen (connect check)
};

// Which page of orders to fetch: orders updated at or after `updated_since` (all when empty),
// oldest update first, continuing after `cursor` (empty: the first page).
struct OrderPageRequest {
    std::optional<TimePoint> updated_since;
    std::string cursor;
    int page_size = 50;  // the connector may use fewer when the platform's cost limits demand it
    OrderMappingContext mapping;
};

// One platform order of a page: mapped, or the mapping error of a poison record (which the sync
// records and skips). external_id and updated_at are read even when the mapping fails, as far
// as the payload allows.
struct FetchedOrder {
    std::string external_id;
    std::optional<TimePoint> updated_at;
    Result<Order> order;
};

struct OrderPage {
    std::vector<FetchedOrder> orders;
    std::string next_cursor;  // empty: this was the last page
};

// Which page of the catalogue to fetch: continuing after `cursor` (empty: the first page).
struct ProductPageRequest {
    std::string cursor;
    int page_size = 100;  // listings (variants) per page; the connector may use fewer
};

struct ProductPage {
    std::vector<Listing> listings;  // one per platform variant
    std::string next_cursor;        // empty: this was the last page
};

// One stock level on the platform: an inventory item at a location (platform ids, as text).
struct InventoryKey {
    std::string inventory_item_id;
    std::string location_id;

    // clang-tidy 14 reads the defaulted <=> as comparing with a literal 0.
    auto operator<=>(const InventoryKey&) const = default;  // NOLINT(modernize-use-nullptr)
};

// What the platform holds for one key: whether the inventory item exists, and its available
// quantity at the location (nullopt when the item is not stocked there).
struct InventoryLevelRead {
    bool item_exists = false;
    std::optional<int64_t> available;
};

// One absolute quantity to set, compared against `change_from`: the platform refuses the item
// when its current quantity differs (nullopt: no comparison).
struct InventorySetItem {
    InventoryKey key;
    int64_t quantity = 0;
    std::optional<int64_t> change_from;
};

// One call's worth of absolute quantities (at most kMaxInventorySetItems), under an idempotency
// key: the same key with the same items is applied once however often it is sent.
struct InventorySetBatch {
    std::string idempotency_key;
    std::string reason = "correction";
    std::vector<InventorySetItem> items;
};

inline constexpr size_t kMaxInventorySetItems = 250;

enum class InventorySetOutcome {
    kApplied,      // the quantity is now set
    kStale,        // change_from differed from the platform's quantity: nothing written
    kUnknownItem,  // the inventory item does not exist (the listing is out of date)
    kNotStocked,   // the item is not stocked at the location
    kRejected,     // any other refusal of this item; the message says why
};

struct InventorySetResult {
    InventorySetOutcome outcome = InventorySetOutcome::kApplied;
    std::string message;  // the platform's words for a refusal
};

// One shipped line of a fulfilment: which SKU of the order and how many units.
struct FulfillmentLine {
    std::string sku;
    int64_t quantity = 0;

    bool operator==(const FulfillmentLine&) const = default;
};

struct FulfillmentRequest {
    std::string order_external_id;
    std::string tracking_number;  // may be empty (no tracking)
    std::string carrier;
    std::string tracking_url;
    std::vector<FulfillmentLine> lines;  // empty: everything that remains unfulfilled
    bool notify_customer = false;
};

struct FulfillmentResult {
    std::string fulfillment_id;
    // The platform already had this fulfilment (same tracking number on the order): a retried
    // call after a crash found its own earlier success instead of shipping twice.
    bool already_existed = false;
};

enum class OrderStatusChange { kCancel, kClose };

struct OrderStatusRequest {
    std::string order_external_id;
    OrderStatusChange change = OrderStatusChange::kCancel;
    std::string reason;  // cancel: customer, declined, fraud, inventory, staff or other
    bool restock = true;
    bool refund = false;
    bool notify_customer = false;
    // The platform job of an earlier attempt still running (cancel is asynchronous on
    // Shopify): the connector waits for it instead of asking again.
    std::string pending_job_id;
};

struct OrderStatusResult {
    bool done = false;        // the store shows the change
    bool already = false;     // it did before this call (nothing was asked of the platform)
    std::string pending_job;  // !done: the platform job to wait for on the next attempt
};

// One platform's integration: every call the service makes to that platform goes through it.
// Instances are created per use by the registry and are not shared between threads.
//
// Errors follow one rule so callers can decide retries: kInvalidCredentials when the platform
// rejects the credentials (the connection needs re-authorisation); kRateLimited with
// retry_after when the platform's budget is spent after the connector's own waiting;
// kUnavailable/kTimeout when it cannot be reached or fails with 5xx; kInvalidPayload when it
// answers something the connector cannot understand; kBadRequest for a malformed store identity.
class Connector {
public:
    virtual ~Connector() = default;

    // Checks the credentials against the platform with a cheap authenticated call.
    [[nodiscard]] virtual Status VerifyCredentials(const Connection& connection,
                                                   const Credentials& credentials) = 0;

    // One page of orders, mapped to canonical orders with request.mapping.
    [[nodiscard]] virtual Result<OrderPage> FetchOrders(ConnectorSession& session,
                                                        const OrderPageRequest& request) = 0;

    // Subscribes the store's order and lifecycle webhooks to `callback_url`. Idempotent: a
    // subscription that already exists for the same topic and address is kept, not duplicated.
    [[nodiscard]] virtual Status SubscribeWebhooks(ConnectorSession& session,
                                                   std::string_view callback_url) = 0;

    // The catalogue, one page of listings (variants, with their product) at a time.
    [[nodiscard]] virtual Result<ProductPage> FetchProducts(ConnectorSession& session,
                                                            const ProductPageRequest& request);

    // The current levels of `keys`, one entry per key (at most kMaxInventorySetItems).
    [[nodiscard]] virtual Result<std::map<InventoryKey, InventoryLevelRead>> ReadInventoryLevels(
        ConnectorSession& session, const std::vector<InventoryKey>& keys);

    // Sets the batch's quantities; one result per item, in order. Items the platform refuses do
    // not hold back the others (a platform that rejects a whole batch for one item is asked
    // again without it, under a key derived from the batch's).
    [[nodiscard]] virtual Result<std::vector<InventorySetResult>> SetInventory(
        ConnectorSession& session, const InventorySetBatch& batch);

    // Ships lines of an order with tracking. kNotFound for an unknown order; kConflict when
    // nothing of the requested lines remains to fulfil; kBadRequest for a SKU not on the order
    // or more units than remain.
    [[nodiscard]] virtual Result<FulfillmentResult> CreateFulfillment(
        ConnectorSession& session, const FulfillmentRequest& request);

    // Cancels or closes an order. kNotFound for an unknown order; kConflict when the platform
    // refuses the change in the order's state (e.g. cancelling a fulfilled order).
    [[nodiscard]] virtual Result<OrderStatusResult> ChangeOrderStatus(
        ConnectorSession& session, const OrderStatusRequest& request);
};

using ConnectorPtr = std::unique_ptr<Connector>;

}  // namespace scs
