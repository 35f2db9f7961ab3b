#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace scs {

// A bounded pool of database connections of type Conn, opened lazily by a factory. A caller
// borrows one with Acquire() and the Lease gives it back when destroyed. Owned by an executor;
// thread-safe. Every Lease must be destroyed before the pool.
template <class Conn>
class SessionPool {
public:
    using Factory = std::function<Result<std::unique_ptr<Conn>>()>;

    // Holds one borrowed connection; returns it to the pool on destruction unless Discard()ed.
    class Lease {
    public:
        Lease(SessionPool* pool, std::unique_ptr<Conn> conn)
            : pool_(pool), conn_(std::move(conn)) {}

        Lease(Lease&& other) noexcept
            : pool_(std::exchange(other.pool_, nullptr)), conn_(std::move(other.conn_)) {}

        Lease& operator=(Lease&& other) noexcept = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

        ~Lease() {
            if (pool_ != nullptr) {
                pool_->Release(std::move(conn_));
            }
        }

        Conn& operator*() const { return *conn_; }

        Conn* operator->() const { return conn_.get(); }

        // Closes the connection instead of returning it, e.g. after the server dropped it.
        void Discard() { conn_.reset(); }

    private:
        SessionPool* pool_;
        std::unique_ptr<Conn> conn_;
    };

    SessionPool(int max_size, std::chrono::milliseconds wait, Factory factory)
        : max_size_(max_size < 1 ? 1 : max_size), wait_(wait), factory_(std::move(factory)) {}

    // Puts an already open connection in the pool (the one opened to check the database).
    void Seed(std::unique_ptr<Conn> conn) {
        std::lock_guard lock(mutex_);
        ++open_;
        idle_.push_back(std::move(conn));
    }

    // An idle connection, a new one while fewer than max_size are open, or kUnavailable when all
    // stay busy for the wait time.
    [[nodiscard]] Result<Lease> Acquire() {
        std::unique_lock lock(mutex_);
        const bool ready = available_.wait_for(
            lock, wait_, [this] { return !idle_.empty() || open_ < max_size_; });
        if (!ready) {
            return Fail(ErrorCode::kUnavailable,
                        "all " + std::to_string(max_size_) +
                            " database connections stayed busy for " +
                            std::to_string(wait_.count()) + "ms");
        }
        if (!idle_.empty()) {
            auto conn = std::move(idle_.back());
            idle_.pop_back();
            return Lease(this, std::move(conn));
        }
        ++open_;
        lock.unlock();
        return Open();
    }

    // Closes every idle connection: after one connection was found dropped, the others that
    // waited in the pool usually were too.
    void CloseIdle() {
        std::vector<std::unique_ptr<Conn>> closing;
        {
            std::lock_guard lock(mutex_);
            closing.swap(idle_);
            open_ -= static_cast<int>(closing.size());
        }
        available_.notify_all();
    }

private:
    Result<Lease> Open() {
        auto conn = factory_();
        if (!conn) {
            Release(nullptr);
            return tl::unexpected(std::move(conn.error()));
        }
        return Lease(this, std::move(*conn));
    }

    void Release(std::unique_ptr<Conn> conn) {
        {
            std::lock_guard lock(mutex_);
            if (conn) {
                idle_.push_back(std::move(conn));
            } else {
                --open_;
            }
        }
        available_.notify_one();
    }

    const int max_size_;
    const std::chrono::milliseconds wait_;
    const Factory factory_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Conn>> idle_;
    int open_ = 0;  // idle + lent out
};

}  // namespace scs
