#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/result.hpp"

namespace scs {

struct RedisEndpoint {
    std::string host = "127.0.0.1";
    int port = 6379;
    std::string password;
    int db = 0;
};

// Parses redis://[:password@]host[:port][/db].
[[nodiscard]] Result<RedisEndpoint> ParseRedisUrl(const std::string& url);

// One connection to Redis (hiredis), opened per use. Not thread-safe: one owner at a time.
class RedisClient {
public:
    ~RedisClient();
    RedisClient(RedisClient&&) noexcept;
    RedisClient& operator=(RedisClient&&) noexcept;
    RedisClient(const RedisClient&) = delete;
    RedisClient& operator=(const RedisClient&) = delete;

    // Connects, authenticates and selects the database; kUnavailable on failure.
    [[nodiscard]] static Result<RedisClient> Connect(const RedisEndpoint& endpoint,
                                                     std::chrono::milliseconds timeout);

    // PING -> PONG round trip.
    [[nodiscard]] Status Ping();

private:
    struct Handle;
    explicit RedisClient(std::unique_ptr<Handle> handle);
    std::unique_ptr<Handle> handle_;
};

}  // namespace scs
