#include "storage/transaction_retry.hpp"

#include <chrono>
#include <random>
#include <thread>

namespace scs {
namespace {

constexpr int kMaxAttempts = 3;
constexpr std::chrono::milliseconds kFirstPause{10};

// Jitter keeps two transactions that deadlocked each other from colliding again in lock step.
std::chrono::milliseconds Pause(int attempt) {
    thread_local std::minstd_rand rng{std::random_device{}()};
    const auto base = kFirstPause * (1 << (2 * attempt));
    std::uniform_int_distribution<int64_t> jitter(0, base.count());
    return base + std::chrono::milliseconds(jitter(rng));
}

}  // namespace

Status RetryTransaction(const std::function<TxAttempt()>& attempt) {
    for (int i = 0;; ++i) {
        TxAttempt outcome = attempt();
        if (outcome.status || !outcome.retryable || i + 1 == kMaxAttempts) {
            return outcome.status;
        }
        std::this_thread::sleep_for(Pause(i));
    }
}

}  // namespace scs
