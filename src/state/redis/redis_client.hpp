#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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

// One reply, converted from hiredis. Server errors are replies too (kError, text = the message),
// so callers can react to NOSCRIPT or WRONGTYPE.
struct RedisReply {
    enum class Type { kNil, kInteger, kString, kStatus, kError, kArray };

    Type type = Type::kNil;
    int64_t integer = 0;               // kInteger
    std::string text;                  // kString, kStatus, kError
    std::vector<RedisReply> elements;  // kArray
};

// One connection to Redis (hiredis). Not thread-safe: one owner at a time (RedisPool lends them
// out). Once Broken() it stays broken: drop it and connect again.
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

    // Sends one command (binary-safe arguments) and reads its reply. kUnavailable when the
    // connection failed or timed out (the connection is then Broken()); a server error is a
    // kError reply, not a failure.
    [[nodiscard]] Result<RedisReply> Command(const std::vector<std::string>& args);

    // True after an I/O error or timeout: the connection can no longer be used.
    bool Broken() const;

private:
    struct Handle;
    explicit RedisClient(std::unique_ptr<Handle> handle);
    std::unique_ptr<Handle> handle_;
};

}  // namespace scs
