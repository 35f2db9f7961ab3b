#include "jobs/worker/visibility_heartbeat.hpp"

#include <algorithm>
#include <vector>

namespace scs {
namespace {

std::chrono::milliseconds Interval(std::chrono::milliseconds visibility) {
    return std::max(std::chrono::milliseconds(1), visibility / 3);
}

// The queue's answer when the receipt is no longer the current delivery's.
bool IsStale(ErrorCode code) {
    return code == ErrorCode::kNotFound || code == ErrorCode::kConflict;
}

}  // namespace

VisibilityHeartbeat::~VisibilityHeartbeat() {
    Stop();
}

void VisibilityHeartbeat::Start() {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable() && !stopping_) {
        thread_ = std::thread([this] { Run(); });
    }
}

void VisibilityHeartbeat::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

std::optional<VisibilityHeartbeat::Token> VisibilityHeartbeat::Add(
    Queue& queue, std::string label, std::string receipt, std::chrono::milliseconds visibility) {
    std::lock_guard lock(mutex_);
    if (closed_) {
        return std::nullopt;
    }
    const Token token = next_token_++;
    Entry entry;
    entry.queue = &queue;
    entry.label = std::move(label);
    entry.receipt = std::move(receipt);
    entry.visibility = visibility;
    entry.next_due = std::chrono::steady_clock::now() + Interval(visibility);
    entries_.emplace(token, std::move(entry));
    changed_.notify_all();
    return token;
}

Status VisibilityHeartbeat::Beat(Token token) {
    std::unique_lock lock(mutex_);
    const auto found = entries_.find(token);
    if (found == entries_.end()) {
        return Fail(ErrorCode::kNotFound, "the delivery is no longer running");
    }
    if (found->second.returned) {
        return Fail(ErrorCode::kUnavailable,
                    "the worker is shutting down: the message went back to the queue");
    }
    if (found->second.lost) {
        return Fail(ErrorCode::kConflict, "the message is no longer in flight");
    }
    return BeatLocked(lock, found->second);
}

bool VisibilityHeartbeat::Remove(Token token) {
    std::unique_lock lock(mutex_);
    const auto found = entries_.find(token);
    if (found == entries_.end()) {
        return false;
    }
    changed_.wait(lock, [&] { return found->second.busy == 0; });
    const bool returned = found->second.returned;
    entries_.erase(found);
    changed_.notify_all();
    return returned;
}

int VisibilityHeartbeat::ReturnAll(std::atomic<bool>& stop_requested) {
    std::unique_lock lock(mutex_);
    stop_requested = true;
    closed_ = true;
    // Each entry is held (busy) from here on, so Remove cannot erase it under us.
    std::vector<Entry*> returning;
    for (auto& [token, entry] : entries_) {
        if (!entry.returned) {
            entry.returned = true;
            ++entry.busy;
            returning.push_back(&entry);
        }
    }
    // A beat already running would otherwise extend the message after its return. No new beat
    // starts on a returned entry, so only our hold remains once they finish.
    changed_.wait(lock, [&] {
        return std::all_of(returning.begin(), returning.end(), [](const Entry* entry) {
            return entry->busy == 1;
        });
    });
    lock.unlock();
    for (const Entry* entry : returning) {
        ReturnMessage(*entry);
    }
    lock.lock();
    for (Entry* entry : returning) {
        --entry->busy;
    }
    changed_.notify_all();
    return static_cast<int>(returning.size());
}

void VisibilityHeartbeat::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const auto due = NextDue();
        if (due == entries_.end()) {
            changed_.wait(lock);
        } else if (const SteadyTime next = due->second.next_due;
                   next > std::chrono::steady_clock::now()) {
            // A copy: wait_until reads its deadline after waking, when the entry may be gone.
            changed_.wait_until(lock, next);
        } else {
            // The failure is logged by BeatLocked; the next interval tries again.
            (void)BeatLocked(lock, due->second);
        }
    }
}

VisibilityHeartbeat::Entries::iterator VisibilityHeartbeat::NextDue() {
    auto due = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        const Entry& entry = it->second;
        if (entry.returned || entry.lost || entry.busy > 0) {
            continue;
        }
        if (due == entries_.end() || entry.next_due < due->second.next_due) {
            due = it;
        }
    }
    return due;
}

// Entries live in a std::map and are erased only when idle (Remove waits for busy == 0), so
// `entry` stays valid while the lock is released for the queue call.
Status VisibilityHeartbeat::BeatLocked(std::unique_lock<std::mutex>& lock, Entry& entry) {
    ++entry.busy;
    Queue* queue = entry.queue;
    const std::string receipt = entry.receipt;
    const std::chrono::milliseconds visibility = entry.visibility;
    lock.unlock();
    Status status = queue->ChangeVisibility(receipt, visibility);
    lock.lock();
    --entry.busy;
    entry.next_due = std::chrono::steady_clock::now() + Interval(entry.visibility);
    if (!status) {
        NoteFailure(entry, status.error());
    }
    changed_.notify_all();
    return status;
}

void VisibilityHeartbeat::NoteFailure(Entry& entry, const Error& error) {
    if (IsStale(error.code)) {
        entry.lost = true;
        logger_.Warn(
            "lost a running job's message: its visibility timeout passed, so the job "
            "may run twice",
            {log::F("queue", entry.label), log::F("error", error.message)});
        return;
    }
    log::LogLimited(limiter_,
                    "heartbeat:" + entry.label,
                    logger_,
                    log::Level::kWarn,
                    "cannot extend a running job's visibility; retrying",
                    {log::F("queue", entry.label),
                     log::F("code", ErrorCodeName(error.code)),
                     log::F("error", error.message)});
}

void VisibilityHeartbeat::ReturnMessage(const Entry& entry) const {
    auto returned = entry.queue->ChangeVisibility(entry.receipt, std::chrono::milliseconds(0));
    if (!returned && !IsStale(returned.error().code)) {
        logger_.Warn(
            "cannot return a running job's message at shutdown; it comes back after "
            "its visibility timeout",
            {log::F("queue", entry.label), log::F("error", returned.error().message)});
    }
}

}  // namespace scs
