#include "app/credential_vault.hpp"

#include "security/credential_seal.hpp"

namespace scs {

Result<Credentials> StoreCredentialVault::Load(int64_t connection_id) {
    auto connection = store_.Get(connection_id);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    return OpenCredentials(box_, *connection);
}

Status StoreCredentialVault::Save(int64_t connection_id, const Credentials& credentials) {
    auto connection = store_.Get(connection_id);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    auto sealed = SealCredentials(box_, *connection, credentials);
    if (!sealed) {
        return tl::unexpected(sealed.error());
    }
    connection->credentials = std::move(*sealed);
    connection->credential_fields.clear();
    for (const auto& [name, value] : credentials) {
        if (!value.empty()) {
            connection->credential_fields.push_back(name);
        }
    }
    connection->updated_at = clock_.Now();
    auto updated = store_.Update(*connection);
    if (!updated) {
        return tl::unexpected(updated.error());
    }
    return {};
}

}  // namespace scs
