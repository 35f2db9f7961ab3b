#pragma once

#include <memory>
#include <string_view>

#include "core/connection.hpp"
#include "core/result.hpp"

namespace scs {

// One platform's integration: every call the service makes to that platform goes through it.
// Instances are created per use by the registry and are not shared between threads.
// This slice needs only the credential check made on connect; orders, products,
// inventory and fulfilment operations join the interface with the platform slices.
class Connector {
public:
    virtual ~Connector() = default;

    // Checks the credentials against the platform with a cheap authenticated call.
    // kInvalidCredentials when the platform rejects them; kUnavailable/kTimeout when it cannot
    // be reached; kBadRequest when the store identity is malformed for this platform.
    [[nodiscard]] virtual Status VerifyCredentials(const Connection& connection,
                                                   const Credentials& credentials) = 0;
};

using ConnectorPtr = std::unique_ptr<Connector>;

}  // namespace scs
