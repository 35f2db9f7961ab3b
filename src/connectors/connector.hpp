#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/connection.hpp"
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
};

using ConnectorPtr = std::unique_ptr<Connector>;

}  // namespace scs
