#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "state/redis/redis_client.hpp"

namespace scs {

// Whether a command may be sent again after its connection failed mid-way, when the server
// may or may not have run it.
enum class RedisRetry {
    kNever,              // not idempotent (a token draw): report kUnavailable instead
    kOnStaleConnection,  // idempotent: retry once on a fresh connection if a pooled one failed
};

// Connections to one Redis server, opened on demand and kept for reuse (at most max_idle idle).
// A connection that fails is dropped, so a restarted server is reconnected on the next call.
// Owned by its store; thread-safe: each call borrows a connection of its own.
class RedisPool {
public:
    // `client_name` (no spaces; may be empty) is set on each connection with CLIENT SETNAME, so
    // CLIENT LIST shows who is connected.
    RedisPool(RedisEndpoint endpoint,
              std::chrono::milliseconds timeout,
              size_t max_idle,
              std::string client_name);

    // Runs one command. kUnavailable when Redis cannot be reached or the connection failed; a
    // server error comes back as a kError reply.
    [[nodiscard]] Result<RedisReply> Run(const std::vector<std::string>& args, RedisRetry retry);

private:
    // An idle connection (reused = true) or a new one.
    Result<RedisClient> Borrow(bool& reused);
    Result<RedisClient> Connect();
    void Return(RedisClient&& client);

    const RedisEndpoint endpoint_;
    const std::chrono::milliseconds timeout_;
    const size_t max_idle_;
    const std::string client_name_;
    std::mutex mutex_;
    std::vector<RedisClient> idle_;  // guarded by mutex_
};

}  // namespace scs
