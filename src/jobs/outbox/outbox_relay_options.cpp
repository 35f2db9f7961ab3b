#include "jobs/outbox/outbox_relay_options.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>

#include <unistd.h>

namespace scs {
namespace {

constexpr int kMaxBatchSize = 1000;

std::string HostName() {
    std::array<char, 256> name{};
    if (gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') {
        return "localhost";
    }
    return name.data();
}

}  // namespace

Status ValidateOutboxRelayOptions(const OutboxRelayOptions& options) {
    if (options.owner.empty()) {
        return FailField("owner", "the outbox relay needs a unique owner");
    }
    if (options.batch_size < 1 || options.batch_size > kMaxBatchSize) {
        return FailField("batch_size", "batch_size must be 1-1000");
    }
    if (options.claim_ttl.count() <= 0) {
        return FailField("claim_ttl", "claim_ttl must be positive");
    }
    if (options.poll_interval.count() <= 0) {
        return FailField("poll_interval", "poll_interval must be positive");
    }
    if (options.retry_backoff.count() < 0 || options.max_retry_backoff < options.retry_backoff) {
        return FailField("retry_backoff", "retry_backoff must be between 0 and max_retry_backoff");
    }
    if (options.error_after_attempts < 1) {
        return FailField("error_after_attempts", "error_after_attempts must be at least 1");
    }
    return {};
}

std::chrono::milliseconds OutboxRetryDelay(const OutboxRelayOptions& options, int attempts) {
    std::chrono::milliseconds delay = options.retry_backoff;
    if (delay.count() == 0) {
        return delay;
    }
    // Doubling stops at the cap, so the delay never overflows however many attempts failed.
    for (int i = 1; i < attempts && delay < options.max_retry_backoff; ++i) {
        delay *= 2;
    }
    return std::min(delay, options.max_retry_backoff);
}

std::string UniqueRelayOwner() {
    std::random_device random;
    std::array<char, 9> suffix{};
    std::snprintf(suffix.data(), suffix.size(), "%08x", static_cast<unsigned>(random()));
    return HostName() + ":" + std::to_string(getpid()) + ":" + suffix.data();
}

}  // namespace scs
