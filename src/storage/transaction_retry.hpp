#pragma once

#include <functional>

#include "core/result.hpp"

namespace scs {

// The outcome of one attempt at a transaction. `retryable` is set when the database refused it
// for a reason that a fresh attempt can cure (busy, serialization failure, deadlock, a dropped
// connection before commit).
struct TxAttempt {
    Status status;
    bool retryable = false;
};

// Runs `attempt` until it succeeds, fails for good, or three attempts are used, pausing a few
// milliseconds (growing, with jitter) between attempts. Returns the last attempt's status.
[[nodiscard]] Status RetryTransaction(const std::function<TxAttempt()>& attempt);

}  // namespace scs
