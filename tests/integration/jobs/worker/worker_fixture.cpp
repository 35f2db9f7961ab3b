#include "worker_fixture.hpp"

#include <cstdlib>
#include <thread>

#include "jobs/sqlite/sqlite_queue.hpp"
#include "jobs/worker/job.hpp"

namespace scs::testing {

bool WaitUntil(const std::function<bool()>& done, milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return done();
        }
        std::this_thread::sleep_for(milliseconds(10));
    }
    return true;
}

std::optional<double> MetricValue(const Metrics& metrics, const std::string& series) {
    const std::string text = metrics.Serialize();
    const std::string needle = "\n" + series + " ";
    const size_t at = text.find(needle);
    if (at == std::string::npos) {
        return std::nullopt;
    }
    return std::strtod(text.c_str() + at + needle.size(), nullptr);
}

void Event::Set() {
    // Notified under the lock: a waiter may destroy the event as soon as it sees set_.
    std::lock_guard lock(mutex_);
    set_ = true;
    changed_.notify_all();
}

bool Event::IsSet() const {
    std::lock_guard lock(mutex_);
    return set_;
}

bool Event::Wait(milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return set_; });
}

size_t CallLog::Start(const Job& job, const JobContext& context) {
    std::lock_guard lock(mutex_);
    calls_.push_back(Call{context.Message().group_id,
                          job.payload_json,
                          context.Message().receive_count,
                          std::chrono::steady_clock::now(),
                          {}});
    changed_.notify_all();
    return calls_.size() - 1;
}

void CallLog::Finish(size_t index) {
    std::lock_guard lock(mutex_);
    calls_.at(index).ended = std::chrono::steady_clock::now();
}

std::vector<Call> CallLog::Calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
}

size_t CallLog::Count() const {
    std::lock_guard lock(mutex_);
    return calls_.size();
}

bool CallLog::WaitForCount(size_t count, milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return calls_.size() >= count; });
}

Result<SendResult> HookedQueue::Send(const OutgoingMessage& message) {
    return inner_.Send(message);
}

Result<std::vector<ReceivedMessage>> HookedQueue::Receive(int max_messages,
                                                          milliseconds wait,
                                                          milliseconds visibility_timeout) {
    if (before_receive) {
        if (auto allowed = before_receive(); !allowed) {
            return tl::unexpected(allowed.error());
        }
    }
    auto received = inner_.Receive(max_messages, wait, visibility_timeout);
    if (received && after_receive) {
        after_receive(*received);
    }
    return received;
}

Status HookedQueue::Delete(const std::string& receipt) {
    return inner_.Delete(receipt);
}

Status HookedQueue::ChangeVisibility(const std::string& receipt, milliseconds timeout) {
    return inner_.ChangeVisibility(receipt, timeout);
}

Status HookedQueue::RetryLater(const std::string& receipt, milliseconds delay, std::string error) {
    return inner_.RetryLater(receipt, delay, std::move(error));
}

Status HookedQueue::DeadLetterNow(const std::string& receipt, std::string reason) {
    return inner_.DeadLetterNow(receipt, std::move(reason));
}

Result<QueueStats> HookedQueue::Stats() {
    if (before_stats) {
        if (auto allowed = before_stats(); !allowed) {
            return tl::unexpected(allowed.error());
        }
    }
    return inner_.Stats();
}

Result<std::vector<DeadLetter>> HookedQueue::ListDeadLetters(int limit) {
    return inner_.ListDeadLetters(limit);
}

Status HookedQueue::RetryDeadLetter(const std::string& id) {
    return inner_.RetryDeadLetter(id);
}

void WorkerTest::SetUp() {
    queues_ = TestQueues::Create(GetParam());
    if (!queues_ && !IsSkipped()) {
        FAIL() << "queue backend setup failed";
    }
}

void WorkerTest::TearDown() {
    pool_.reset();
    opened_.clear();
    queues_.reset();
}

Queue& WorkerTest::OpenQueue(int max_receives) {
    const std::string name = TestQueues::UniqueQueueName();
    if (queues_->Backend() == QueueBackend::kSqlite) {
        // A short poll interval: sends through another object are noticed quickly.
        opened_.push_back(std::make_unique<SqliteQueue>(queues_->SqliteDatabase()->Executor(),
                                                        wall_clock_,
                                                        QueueOptions{name, max_receives},
                                                        milliseconds(10)));
    } else {
        opened_.push_back(queues_->Open(name, max_receives));
    }
    return *opened_.back();
}

ConsumerOptions WorkerTest::Consumer(Queue& queue, int concurrency, int max_receives) {
    ConsumerOptions options;
    options.label = kLabel;
    options.queue = &queue;
    options.concurrency = concurrency;
    options.max_receives = max_receives;
    options.visibility_timeout = seconds(30);
    options.receive_wait = milliseconds(200);  // SQS rounds it up to 1 s
    return options;
}

WorkerPool& WorkerTest::StartPool(std::vector<ConsumerOptions> consumers,
                                  milliseconds shutdown_grace) {
    WorkerOptions options;
    options.consumers = std::move(consumers);
    options.retry = RetryPolicy{milliseconds(20), milliseconds(100)};
    options.shutdown_grace = shutdown_grace;
    pool_ = std::make_unique<WorkerPool>(std::move(options), handlers_, job_metrics_);
    pool_->Start();
    return *pool_;
}

void WorkerTest::SendJob(Queue& queue,
                         const std::string& type,
                         const std::string& payload,
                         const std::string& group) {
    SendBody(queue, EncodeJob(type, payload), group);
}

void WorkerTest::SendBody(Queue& queue, const std::string& body, const std::string& group) {
    auto sent = queue.Send(Message(body, group, UniqueName("d-")));
    ASSERT_TRUE(sent) << sent.error().message;
}

bool WorkerTest::WaitForMetric(const std::string& series, double value) {
    return WaitUntil([&] { return Metric(series) == value; });
}

std::vector<DeadLetter> WorkerTest::DeadLettersOf(Queue& queue) {
    auto letters = queue.ListDeadLetters(10);
    EXPECT_TRUE(letters) << letters.error().message;
    return letters ? *letters : std::vector<DeadLetter>{};
}

DeadLetter WorkerTest::WithReasonPrefix(const std::vector<DeadLetter>& letters,
                                        const std::string& prefix) {
    for (const DeadLetter& letter : letters) {
        if (letter.reason.rfind(prefix, 0) == 0) {
            return letter;
        }
    }
    ADD_FAILURE() << "no dead letter with a reason starting " << prefix;
    return {};
}

QueueStats WorkerTest::StatsOf(Queue& queue) {
    auto stats = queue.Stats();
    EXPECT_TRUE(stats) << stats.error().message;
    return stats ? *stats : QueueStats{};
}

}  // namespace scs::testing
