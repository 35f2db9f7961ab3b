#pragma once

#include "connectors/connector_registry.hpp"
#include "core/time.hpp"
#include "push/push_metrics.hpp"
#include "security/secret_box.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"

namespace scs {

// Everything the push jobs use; all outlive them (the composition root owns them).
struct PushJobDeps {
    SqlExecutor& executor;  // pushes, items, ledger, listings
    ConnectionStore& connections;
    const ConnectorRegistry& connectors;
    const SecretBox& secrets;
    CredentialVault* vault = nullptr;  // may be null: then a connector cannot store rotated tokens
    const TimeSource& clock;
    PushMetrics& metrics;
    // The queue's receive limit (the worker's max_receives): the delivery with this receive
    // count is the last, so a job settles its push as failed instead of leaving it queued.
    int max_receives = 5;
};

}  // namespace scs
