#pragma once

#include "connectors/connector.hpp"
#include "core/time.hpp"
#include "security/secret_box.hpp"
#include "storage/connection_store.hpp"

namespace scs {

// CredentialVault over the connection store: credentials are sealed with the SecretBox exactly
// as the connections API seals them (security/credential_seal.hpp). Borrows the store, box and
// clock, which outlive it; thread-safe (each call is one read or one update).
class StoreCredentialVault final : public CredentialVault {
public:
    StoreCredentialVault(ConnectionStore& store, const SecretBox& box, const TimeSource& clock)
        : store_(store), box_(box), clock_(clock) {}

    [[nodiscard]] Result<Credentials> Load(int64_t connection_id) override;
    [[nodiscard]] Status Save(int64_t connection_id, const Credentials& credentials) override;

private:
    ConnectionStore& store_;
    const SecretBox& box_;
    const TimeSource& clock_;
};

}  // namespace scs
