#pragma once

#include <chrono>
#include <string>

#include "core/result.hpp"

namespace scs {

// How an OutboxRelay claims, publishes and retries. Plain data with defaults; app/config.cpp
// fills it and checks it with ValidateOutboxRelayOptions.
struct OutboxRelayOptions {
    // Who holds a claim: unique per relay across every process on the database
    // (UniqueRelayOwner()).
    std::string owner;
    int batch_size = 100;  // rows claimed per RunOnce (1-1000)
    // How long a claim lasts. A relay that dies holding one leaves its rows for this long; then
    // another relay claims and publishes them again (at least once). A relay stops sending a
    // batch once three quarters of it have passed and leaves the rest for the next claim, so a
    // slow queue does not let the claim run out under it.
    std::chrono::milliseconds claim_ttl{30000};
    // The background loop's wait when nothing is pending (Notify wakes it earlier).
    std::chrono::milliseconds poll_interval{500};
    // After a failed publish the row waits retry_backoff, doubled per failed attempt up to
    // max_retry_backoff, before it can be claimed again (0: at once).
    std::chrono::milliseconds retry_backoff{1000};
    std::chrono::milliseconds max_retry_backoff{60000};
    // Failed publishes log warnings; once a row has failed this many times, errors.
    int error_after_attempts = 5;
};

// kBadRequest naming the field unless the owner is set, batch_size is 1-1000, claim_ttl and
// poll_interval are positive, 0 <= retry_backoff <= max_retry_backoff and
// error_after_attempts >= 1.
[[nodiscard]] Status ValidateOutboxRelayOptions(const OutboxRelayOptions& options);

// How long a row that has now failed `attempts` times (>= 1) waits before its next claim.
std::chrono::milliseconds OutboxRetryDelay(const OutboxRelayOptions& options, int attempts);

// "<host name>:<pid>:<8 random hex digits>", an owner no other relay uses.
std::string UniqueRelayOwner();

}  // namespace scs
