#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "jobs/outbox/outbox_relay_options.hpp"
#include "jobs/queue.hpp"
#include "observability/log.hpp"
#include "observability/log_limiter.hpp"
#include "storage/sql.hpp"

namespace scs {

class Metrics;
class OutboxMetrics;
struct ClaimedRow;
struct OutboxClaim;
struct RowOutcome;

// Publishes the outbox (AppendToOutbox) to its queues: claims pending rows in id order, sends
// each with Queue::Send(group id, dedup id, body) and marks it sent. Several relays, in one
// process or many, may share a database: a claim (owner + deadline, options.claim_ttl) gives
// each row to one relay at a time.
//
// Delivery is at least once. A relay that dies after sending but before marking, or whose claim
// runs out while it sends, leaves rows that another relay publishes again after the claim ends;
// the dedup id ("<order id>:<version>" for the OMS) makes the repeat harmless. Rows are claimed
// in id order, but a retried row and rows of other relays' claims can overtake each other, so
// a group's messages may arrive out of order: consumers order by version. Claim deadlines come
// from `time`, so the hosts' clocks must roughly agree (within a small part of claim_ttl).
//
// A failed send, or a row for a queue not in `queues` (logged as an error; the row is kept),
// counts an attempt, keeps the error as the row's last_error and frees the row after a backoff
// (options.retry_backoff); the rest of that queue's rows in the batch are left for the next
// pass. Sent rows stay until PruneSent deletes them.
//
// Metrics: scs_outbox_published_total{queue}, scs_outbox_publish_failures_total{queue},
// scs_outbox_pending. Built by the composition root; the executor, queues, time source and
// metrics are borrowed and must outlive the relay. Thread-safe; passes (RunOnce or the
// background loop) run one at a time. Start and Stop are for the owner's thread.
class OutboxRelay {
public:
    OutboxRelay(SqlExecutor& executor,
                std::map<std::string, Queue*, std::less<>> queues,
                const TimeSource& time,
                Metrics& metrics,
                OutboxRelayOptions options);
    // Stops the background loop.
    ~OutboxRelay();
    OutboxRelay(const OutboxRelay&) = delete;
    OutboxRelay& operator=(const OutboxRelay&) = delete;
    OutboxRelay(OutboxRelay&&) = delete;
    OutboxRelay& operator=(OutboxRelay&&) = delete;

    // One pass: claims up to batch_size rows, publishes them and records the outcome. Returns
    // how many rows it marked sent. Fails (kBadRequest) on invalid options, or with the
    // database's error; rows it had claimed are then published again after their claim ends.
    [[nodiscard]] Result<int> RunOnce();

    // Starts the background loop: passes back to back while they find full batches, then waits
    // poll_interval or until Notify(). Does nothing when running.
    void Start();

    // Ends the loop and waits for it: a pass in progress stops before its next send and frees
    // the rows it has not sent. Does nothing when not running.
    void Stop();

    // Wakes the loop for a new pass (call after committing AppendToOutbox).
    void Notify();

    // Rows not yet sent (including rows claimed or backing off).
    [[nodiscard]] Result<int64_t> PendingCount();

    // Deletes rows sent before `older_than`.
    [[nodiscard]] Status PruneSent(TimePoint older_than);

private:
    struct Pass {
        int claimed = 0;
        int sent = 0;
        int failed = 0;
    };

    Result<Pass> RunPass();
    std::vector<RowOutcome> Publish(const OutboxClaim& claim);
    RowOutcome PublishRow(const ClaimedRow& row);
    RowOutcome Failed(const ClaimedRow& row, const Error& error);
    void Loop();
    void WaitForWork();

    SqlExecutor& executor_;
    const std::map<std::string, Queue*, std::less<>> queues_;
    const TimeSource& time_;
    const OutboxRelayOptions options_;
    std::unique_ptr<OutboxMetrics> metrics_;
    const log::Logger logger_{"jobs.outbox"};
    log::LogLimiter log_limiter_;

    std::mutex pass_mutex_;  // one pass at a time: a relay never holds two claims
    std::mutex mutex_;       // guards notified_ and the loop's waits
    std::condition_variable wake_;
    bool notified_ = false;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace scs
