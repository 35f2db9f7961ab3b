#include "jobs/worker/consumer.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "jobs/worker/job_outcome.hpp"

namespace scs {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kFirstBackoff{100};
constexpr milliseconds kMaxBackoff{5000};

// 100 ms, 200 ms, ... up to 5 s while the backend stays down.
milliseconds ReceiveBackoff(int failures) {
    const int doublings = std::clamp(failures - 1, 0, 6);
    return std::min(kMaxBackoff, kFirstBackoff * (int64_t{1} << doublings));
}

int64_t Millis(std::chrono::microseconds duration) {
    return std::chrono::duration_cast<milliseconds>(duration).count();
}

// The job-execution boundary (STYLE: errors): nothing a handler throws leaves its thread.
Status CallHandler(const JobHandler& handler, const Job& job, JobContext& context) {
    try {
        return handler(job, context);
    } catch (const std::exception& e) {
        return Fail(ErrorCode::kInternal, std::string("the handler threw: ") + e.what());
    } catch (...) {
        return Fail(ErrorCode::kInternal, "the handler threw a non-standard exception");
    }
}

}  // namespace

Consumer::Consumer(ConsumerOptions options, ConsumerDeps deps)
    : options_(std::move(options)), deps_(deps) {}

void Consumer::RunThread(const std::shared_ptr<PoolGate>& gate) {
    std::mt19937_64 random(std::random_device{}());
    int failures = 0;
    for (;;) {
        std::optional<Delivery> delivery;
        std::string label;
        {
            const GateSection section(*gate);
            if (!section || gate->Stopping()) {
                return;
            }
            delivery = ReceiveAndPrepare(*gate, failures);
            label = options_.label;
        }
        if (!delivery) {
            continue;
        }
        const auto started = std::chrono::steady_clock::now();
        const Status result = RunHandler(*delivery, std::move(label), gate, deps_.heartbeat);
        const auto duration = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - started);
        const GateSection section(*gate);
        if (!section) {
            return;  // detached at shutdown: the pool may be gone
        }
        Settle(*delivery, result, duration, random);
    }
}

std::optional<Consumer::Delivery> Consumer::ReceiveAndPrepare(PoolGate& gate, int& failures) {
    auto received = options_.queue->Receive(1, options_.receive_wait, options_.visibility_timeout);
    if (!received) {
        BackOff(gate, received.error(), ++failures);
        return std::nullopt;
    }
    failures = 0;
    if (received->empty()) {
        return std::nullopt;
    }
    if (gate.Stopping()) {
        ReturnToQueue(received->front(), "");
        return std::nullopt;
    }
    return Prepare(std::move(received->front()));
}

void Consumer::BackOff(PoolGate& gate, const Error& error, int failures) {
    const milliseconds wait = ReceiveBackoff(failures);
    log::LogLimited(deps_.limiter,
                    "receive:" + options_.label,
                    logger_,
                    log::Level::kWarn,
                    "cannot receive jobs; backing off",
                    {log::F("queue", options_.label),
                     log::F("code", ErrorCodeName(error.code)),
                     log::F("error", error.message),
                     log::F("failures", failures),
                     log::F("backoff_ms", wait.count())});
    gate.WaitUnlessStopping(wait);
}

std::optional<Consumer::Delivery> Consumer::Prepare(ReceivedMessage&& message) {
    auto job = ParseJob(message.body);
    if (!job) {
        DeadLetter(message,
                   "unparseable: " + job.error().message,
                   DeadLetterCause::kUnparseable,
                   Fields(message, ""));
        return std::nullopt;
    }
    const JobHandler* handler = deps_.handlers.Find(job->type);
    if (handler == nullptr) {
        DeadLetter(message,
                   "unknown job type: " + job->type,
                   DeadLetterCause::kUnknownType,
                   Fields(message, job->type));
        return std::nullopt;
    }
    auto token = deps_.heartbeat.Add(
        *options_.queue, options_.label, message.receipt, options_.visibility_timeout);
    if (!token) {
        ReturnToQueue(message, job->type);
        return std::nullopt;
    }
    return Delivery{std::move(message), std::move(*job), handler, *token};
}

Status Consumer::RunHandler(const Delivery& delivery,
                            std::string label,
                            const std::shared_ptr<PoolGate>& gate,
                            VisibilityHeartbeat& heartbeat) {
    auto beat = [gate, &heartbeat, token = delivery.token]() -> Status {
        const GateSection section(*gate);
        if (!section) {
            return Fail(ErrorCode::kUnavailable, "the worker pool has shut down");
        }
        return heartbeat.Beat(token);
    };
    JobContext context(std::move(label), delivery.message, gate->StopRequested(), beat);
    // Lines the handler logs carry the message id, tying them to the worker's own lines.
    const log::ScopedRequestId request_id(delivery.message.id);
    return CallHandler(*delivery.handler, delivery.job, context);
}

void Consumer::Settle(const Delivery& delivery,
                      const Status& result,
                      std::chrono::microseconds duration,
                      std::mt19937_64& random) {
    const bool returned = deps_.heartbeat.Remove(delivery.token);
    deps_.metrics.ObserveDuration(options_.label, delivery.job.type, duration);
    auto fields = Fields(delivery.message, delivery.job.type);
    fields.push_back(log::F("duration_ms", Millis(duration)));
    if (result) {
        Complete(delivery, std::move(fields));
        return;
    }
    fields.push_back(log::F("error", DescribeError(result.error())));
    if (returned) {
        // Stopped by the shutdown deadline, not failed: its message is already back.
        logger_.Log(log::Level::kInfo, "job stopped at shutdown; its message was returned", fields);
        return;
    }
    HandleFailure(delivery, result.error(), std::move(fields), random);
}

void Consumer::Complete(const Delivery& delivery, std::vector<log::Field> fields) {
    deps_.metrics.RecordProcessed(options_.label, delivery.job.type);
    auto deleted = options_.queue->Delete(delivery.message.receipt);
    if (!deleted) {
        fields.push_back(log::F("queue_error", DescribeError(deleted.error())));
        logger_.Log(log::Level::kWarn,
                    "job done but its message was not deleted; it may run again",
                    fields);
        return;
    }
    logger_.Log(log::Level::kDebug, "job done", fields);
}

void Consumer::HandleFailure(const Delivery& delivery,
                             const Error& error,
                             std::vector<log::Field> fields,
                             std::mt19937_64& random) {
    deps_.metrics.RecordFailed(options_.label, delivery.job.type, error.code);
    FailureDecision decision =
        DecideFailure(error, delivery.message.receive_count, options_.max_receives);
    switch (decision.action) {
        case FailureAction::kRetry:
            Retry(delivery, error, decision.text, std::move(fields), random);
            return;
        case FailureAction::kDeadLetterPermanent:
            DeadLetter(delivery.message,
                       std::move(decision.text),
                       DeadLetterCause::kPermanentError,
                       std::move(fields));
            return;
        case FailureAction::kDeadLetterExhausted:
            DeadLetter(delivery.message,
                       std::move(decision.text),
                       DeadLetterCause::kAttemptsExhausted,
                       std::move(fields));
            return;
    }
}

void Consumer::Retry(const Delivery& delivery,
                     const Error& error,
                     const std::string& text,
                     std::vector<log::Field> fields,
                     std::mt19937_64& random) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const milliseconds delay =
        RetryDelay(deps_.retry, delivery.message.receive_count, error.retry_after, unit(random));
    fields.push_back(log::F("retry_in_ms", delay.count()));
    auto scheduled = options_.queue->RetryLater(delivery.message.receipt, delay, text);
    if (!scheduled) {
        fields.push_back(log::F("queue_error", DescribeError(scheduled.error())));
        logger_.Log(log::Level::kWarn,
                    "job failed and its retry could not be scheduled; it comes back after its "
                    "visibility timeout",
                    fields);
        return;
    }
    deps_.metrics.RecordRetried(options_.label);
    logger_.Log(log::Level::kWarn, "job failed; retrying", fields);
}

void Consumer::DeadLetter(const ReceivedMessage& message,
                          std::string reason,
                          DeadLetterCause cause,
                          std::vector<log::Field> fields) {
    fields.push_back(log::F("reason", reason));
    auto moved = options_.queue->DeadLetterNow(message.receipt, std::move(reason));
    if (!moved) {
        fields.push_back(log::F("queue_error", DescribeError(moved.error())));
        logger_.Log(log::Level::kError,
                    "cannot dead-letter a message; it comes back after its visibility timeout",
                    fields);
        return;
    }
    deps_.metrics.RecordDeadLettered(options_.label, cause);
    logger_.Log(log::Level::kError, "message dead-lettered", fields);
}

void Consumer::ReturnToQueue(const ReceivedMessage& message, std::string_view type) {
    auto returned = options_.queue->ChangeVisibility(message.receipt, milliseconds(0));
    auto fields = Fields(message, type);
    if (!returned) {
        fields.push_back(log::F("queue_error", DescribeError(returned.error())));
    }
    logger_.Log(log::Level::kInfo, "received while stopping; message returned unrun", fields);
}

std::vector<log::Field> Consumer::Fields(const ReceivedMessage& message,
                                         std::string_view type) const {
    std::vector<log::Field> fields = {log::F("queue", options_.label),
                                      log::F("message_id", message.id),
                                      log::F("group", message.group_id),
                                      log::F("attempt", message.receive_count)};
    if (!type.empty()) {
        fields.push_back(log::F("type", type));
    }
    return fields;
}

}  // namespace scs
