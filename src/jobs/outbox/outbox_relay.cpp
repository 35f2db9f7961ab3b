#include "jobs/outbox/outbox_relay.hpp"

#include <set>
#include <string_view>
#include <utility>

#include "jobs/outbox/outbox_metrics.hpp"
#include "jobs/outbox/outbox_rows.hpp"

namespace scs {
namespace {

// Sent rows are deleted in chunks of this many, each in its own transaction.
constexpr int kPruneChunk = 1000;

// A repeated failure logs at most this many lines per key per interval.
constexpr size_t kLogsPerInterval = 5;
constexpr std::chrono::minutes kLogInterval{1};

RowOutcome Released(const ClaimedRow& row) {
    return RowOutcome{row.id, RowOutcome::Kind::kReleased, {}, {}};
}

}  // namespace

OutboxRelay::OutboxRelay(SqlExecutor& executor,
                         std::map<std::string, Queue*, std::less<>> queues,
                         const TimeSource& time,
                         Metrics& metrics,
                         OutboxRelayOptions options)
    : executor_(executor),
      queues_(std::move(queues)),
      time_(time),
      options_(std::move(options)),
      metrics_(std::make_unique<OutboxMetrics>(metrics)),
      log_limiter_(kLogsPerInterval, kLogInterval) {}

OutboxRelay::~OutboxRelay() {
    Stop();
}

Result<int> OutboxRelay::RunOnce() {
    auto pass = RunPass();
    if (!pass) {
        return tl::unexpected(std::move(pass.error()));
    }
    return pass->sent;
}

Result<OutboxRelay::Pass> OutboxRelay::RunPass() {
    const std::lock_guard lock(pass_mutex_);
    if (auto valid = ValidateOutboxRelayOptions(options_); !valid) {
        return tl::unexpected(std::move(valid.error()));
    }
    auto claim = ClaimOutboxRows(
        executor_, options_.owner, options_.batch_size, time_.Now(), options_.claim_ttl);
    if (!claim) {
        return tl::unexpected(std::move(claim.error()));
    }
    const std::vector<RowOutcome> outcomes = Publish(*claim);
    auto sent = RecordOutboxOutcomes(executor_, options_.owner, outcomes, time_.Now());
    if (!sent) {
        return tl::unexpected(std::move(sent.error()));
    }
    Pass pass;
    pass.claimed = static_cast<int>(claim->rows.size());
    pass.sent = *sent;
    for (const RowOutcome& outcome : outcomes) {
        pass.failed += outcome.kind == RowOutcome::Kind::kFailed ? 1 : 0;
    }
    metrics_->SetPending(claim->pending - pass.sent);
    return pass;
}

std::vector<RowOutcome> OutboxRelay::Publish(const OutboxClaim& claim) {
    // Sending stops with a quarter of the claim left, so the marks land while it still holds.
    const TimePoint send_until = claim.until - options_.claim_ttl / 4;
    // A queue that just failed would most likely fail again (and each try may take a timeout);
    // its later rows also keep their order behind the failed one this way.
    std::set<std::string, std::less<>> failing;
    std::vector<RowOutcome> outcomes;
    outcomes.reserve(claim.rows.size());
    for (const ClaimedRow& row : claim.rows) {
        if (stopping_ || time_.Now() >= send_until || failing.contains(row.queue)) {
            outcomes.push_back(Released(row));
            continue;
        }
        RowOutcome outcome = PublishRow(row);
        if (outcome.kind == RowOutcome::Kind::kFailed) {
            failing.insert(row.queue);
        }
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

RowOutcome OutboxRelay::PublishRow(const ClaimedRow& row) {
    const auto queue = queues_.find(row.queue);
    if (queue == queues_.end()) {
        log::LogLimited(log_limiter_,
                        "unknown_queue:" + row.queue,
                        logger_,
                        log::Level::kError,
                        "outbox row for a queue this relay does not know; kept unsent",
                        {log::F("queue", row.queue), log::F("outbox_id", row.id)});
        return Failed(row, Error{ErrorCode::kNotFound, "unknown queue " + row.queue, {}, {}});
    }
    auto sent = queue->second->Send(row.message);
    if (!sent) {
        return Failed(row, sent.error());
    }
    metrics_->Published(row.queue);
    return RowOutcome{row.id, RowOutcome::Kind::kSent, {}, {}};
}

RowOutcome OutboxRelay::Failed(const ClaimedRow& row, const Error& error) {
    metrics_->Failed(row.queue);
    const int attempts = row.attempts + 1;
    const bool stuck = attempts >= options_.error_after_attempts;
    log::LogLimited(log_limiter_,
                    (stuck ? "stuck:" : "failed:") + row.queue,
                    logger_,
                    stuck ? log::Level::kError : log::Level::kWarn,
                    "outbox publish failed; will retry",
                    {log::F("queue", row.queue),
                     log::F("outbox_id", row.id),
                     log::F("attempts", attempts),
                     log::F("error", error.message)});
    return RowOutcome{row.id,
                      RowOutcome::Kind::kFailed,
                      LastErrorText(error),
                      time_.Now() + OutboxRetryDelay(options_, attempts)};
}

void OutboxRelay::Start() {
    if (thread_.joinable()) {
        return;
    }
    stopping_ = false;
    thread_ = std::thread([this] { Loop(); });
}

void OutboxRelay::Stop() {
    if (!thread_.joinable()) {
        return;
    }
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    // RunOnce calls after Stop must publish again.
    stopping_ = false;
}

void OutboxRelay::Notify() {
    {
        const std::lock_guard lock(mutex_);
        notified_ = true;
    }
    wake_.notify_all();
}

void OutboxRelay::Loop() {
    while (!stopping_) {
        auto pass = RunPass();
        if (!pass) {
            log::LogLimited(log_limiter_,
                            "pass_failed",
                            logger_,
                            log::Level::kWarn,
                            "outbox relay pass failed",
                            {log::F("error", pass.error().message)});
        }
        // A full batch that went through suggests more is waiting; anything else waits, so a
        // failing queue or database is not hammered.
        const bool more = pass && pass->claimed == options_.batch_size && pass->failed == 0;
        if (!more) {
            WaitForWork();
        }
    }
}

void OutboxRelay::WaitForWork() {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, options_.poll_interval, [this] { return stopping_ || notified_; });
    notified_ = false;
}

Result<int64_t> OutboxRelay::PendingCount() {
    return CountPendingOutbox(executor_);
}

Status OutboxRelay::PruneSent(TimePoint older_than) {
    auto deleted = DeleteSentOutbox(executor_, older_than, kPruneChunk);
    if (!deleted) {
        return tl::unexpected(std::move(deleted.error()));
    }
    return {};
}

}  // namespace scs
