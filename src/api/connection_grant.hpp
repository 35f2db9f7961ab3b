#pragma once

#include <functional>
#include <string>

#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "security/secret_box.hpp"
#include "storage/connection_store.hpp"

namespace scs {

// A store the platform just granted access to (an OAuth install, a WooCommerce key exchange).
struct ConnectionGrant {
    std::string seller_id;
    std::string platform;  // catalogue tag
    std::string store_id;  // normalised
    // Writes the new credentials over the connection's current ones (empty for a new
    // connection), so fields the grant does not carry (a webhook secret) are kept.
    std::function<void(Credentials&)> apply;
};

// Creates the seller's connection to the store, or re-activates and re-credentials the existing
// live one (a reinstall), sealing the credentials. kConflict when the store is connected to
// another seller; storage errors are returned. Borrows its arguments.
[[nodiscard]] Result<Connection> StoreConnectionGrant(ConnectionStore& store,
                                                      const SecretBox& secrets,
                                                      const TimeSource& clock,
                                                      const ConnectionGrant& grant);

}  // namespace scs
