#include "api/connection_grant.hpp"

#include "security/credential_seal.hpp"

namespace scs {

Result<Connection> StoreConnectionGrant(ConnectionStore& store,
                                        const SecretBox& secrets,
                                        const TimeSource& clock,
                                        const ConnectionGrant& grant) {
    auto existing = store.FindByStore(grant.platform, grant.store_id);
    if (!existing) {
        return tl::unexpected(existing.error());
    }
    const auto now = clock.Now();
    Connection connection;
    Credentials credentials;
    if (*existing) {
        if ((*existing)->seller_id != grant.seller_id) {
            return Fail(ErrorCode::kConflict, "this store is connected to another seller");
        }
        connection = **existing;
        if (auto opened = OpenCredentials(secrets, connection); opened) {
            credentials = std::move(*opened);
        }
    } else {
        connection.seller_id = grant.seller_id;
        connection.platform = grant.platform;
        connection.name = grant.store_id;
        connection.store_id = grant.store_id;
        connection.created_at = now;
    }
    grant.apply(credentials);
    auto sealed = SealCredentials(secrets, connection, credentials);
    if (!sealed) {
        return tl::unexpected(sealed.error());
    }
    connection.credentials = std::move(*sealed);
    connection.credential_fields.clear();
    for (const auto& [name, value] : credentials) {
        if (!value.empty()) {
            connection.credential_fields.push_back(name);
        }
    }
    connection.status = ConnectionStatus::kActive;
    connection.updated_at = now;
    return *existing ? store.Update(connection) : store.Create(connection);
}

}  // namespace scs
