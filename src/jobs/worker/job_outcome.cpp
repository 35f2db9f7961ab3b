#include "jobs/worker/job_outcome.hpp"

#include "jobs/worker/retry_policy.hpp"

namespace scs {

std::string DescribeError(const Error& error) {
    return std::string(ErrorCodeName(error.code)) + ": " + error.message;
}

FailureDecision DecideFailure(const Error& error, int receive_count, int max_receives) {
    std::string described = DescribeError(error);
    if (!IsRetryable(error.code)) {
        return {FailureAction::kDeadLetterPermanent, "permanent error: " + described};
    }
    if (receive_count >= max_receives) {
        const char* noun = receive_count == 1 ? " attempt: " : " attempts: ";
        return {FailureAction::kDeadLetterExhausted,
                "failed after " + std::to_string(receive_count) + noun + described};
    }
    return {FailureAction::kRetry, std::move(described)};
}

}  // namespace scs
