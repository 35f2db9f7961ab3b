#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace scs {

// Persists sellers' store connections. Owned by the Database; thread-safe. "Live" means any
// status other than disconnected; a platform + store_id pair has at most one live connection.
class ConnectionStore {
public:
    virtual ~ConnectionStore() = default;

    // Inserts; returns it with id, created_at and updated_at set (from the passed values; caller
    // sets times). kConflict when a live connection with the same platform + store_id exists.
    [[nodiscard]] virtual Result<Connection> Create(const Connection& connection) = 0;

    // Any status; kNotFound if no row.
    [[nodiscard]] virtual Result<Connection> Get(int64_t id) = 0;

    // A seller's live connections, ordered by id.
    [[nodiscard]] virtual Result<std::vector<Connection>> ListBySeller(
        std::string_view seller_id) = 0;

    // The live connection of a store, for webhooks: nullopt if none.
    [[nodiscard]] virtual Result<std::optional<Connection>> FindByStore(
        std::string_view platform, std::string_view store_id) = 0;

    // Every connection with status active, ordered by id (for scheduled reconciliation).
    [[nodiscard]] virtual Result<std::vector<Connection>> ListActive() = 0;

    // Replaces name, store_id, marketplaces, status, settings, credential_fields, credentials and
    // updated_at by id; returns the stored row. kNotFound if no row; kConflict on the
    // platform + store_id uniqueness rule.
    [[nodiscard]] virtual Result<Connection> Update(const Connection& connection) = 0;
};

// Marks an active connection reauth_required after the platform rejected its credentials (a
// sync or push job). Reads it afresh: a token refresh may have stored new credentials since the
// job loaded it. A connection that is gone or no longer active is left alone. Best effort: a
// failed write is dropped (the next job meets the same rejection and tries again).
void MarkReauthRequired(ConnectionStore& store, int64_t connection_id, TimePoint now);

}  // namespace scs
