#pragma once

#include "connectors/connector.hpp"

// The one credential vault fake: one connection's credentials in memory, saves counted (a token
// refresh must save the rotated tokens exactly once, before it uses them).
namespace scs::testing {

class MemoryVault final : public CredentialVault {
public:
    Result<Credentials> Load(int64_t /*connection_id*/) override { return stored; }

    Status Save(int64_t /*connection_id*/, const Credentials& credentials) override {
        stored = credentials;
        ++saves;
        return {};
    }

    Credentials stored;
    int saves = 0;
};

}  // namespace scs::testing
