#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "state/redis/redis_pool.hpp"
#include "state/redis/redis_scripts.hpp"
#include "state/state_store.hpp"

namespace scs {

// Where and how RedisStateStore keeps its keys. Plain data; app/config.cpp fills it.
struct RedisStateConfig {
    std::string url;                          // redis://[:password@]host[:port][/db]
    std::string key_prefix = "scs:state:";    // put before every key, so deployments can share
    std::chrono::milliseconds timeout{2000};  // connect and per-command timeout
    size_t max_idle_connections = 4;
    std::string client_name = "scs-state";  // CLIENT SETNAME, shown by CLIENT LIST; no spaces
};

// The StateStore of production deployments, on Redis 7 (hiredis). Leases, locks and token
// draws are Lua scripts (redis_scripts.hpp) run with EVALSHA, falling back to EVAL when the
// server does not have them cached, so each is atomic across every process. Time is the Redis
// server's: leases expire by PX, and GetLease and the buckets read TIME; no process clock is
// involved. Keys: <prefix>lease:<key>, <prefix>lock:<key>, <prefix>bucket:<name> (a hash that
// expires once the bucket would be full again), <prefix>last_sync:<connection_id>:<entity>.
// Created by Open in the composition root; thread-safe (a pool of connections, see RedisPool).
class RedisStateStore final : public StateStore {
public:
    // Parses the URL and checks that Redis answers (fail fast at start-up); kBadRequest for a
    // bad URL, kUnavailable when Redis cannot be reached.
    [[nodiscard]] static Result<std::unique_ptr<RedisStateStore>> Open(
        const RedisStateConfig& config);

    RedisStateStore(const RedisEndpoint& endpoint, const RedisStateConfig& config);

    [[nodiscard]] Result<bool> TryAcquireLease(std::string_view key,
                                               std::string_view owner,
                                               std::chrono::milliseconds ttl) override;
    [[nodiscard]] Result<bool> RenewLease(std::string_view key,
                                          std::string_view owner,
                                          std::chrono::milliseconds ttl) override;
    [[nodiscard]] Status ReleaseLease(std::string_view key, std::string_view owner) override;
    [[nodiscard]] Result<std::optional<LeaseInfo>> GetLease(std::string_view key) override;

    [[nodiscard]] Status SetLastSync(int64_t connection_id,
                                     std::string_view entity,
                                     TimePoint at) override;
    [[nodiscard]] Result<std::optional<TimePoint>> GetLastSync(int64_t connection_id,
                                                               std::string_view entity) override;

    [[nodiscard]] Result<BucketResult> TryTake(std::string_view bucket,
                                               double capacity,
                                               double refill_per_second,
                                               double tokens) override;

    [[nodiscard]] Result<bool> TryLock(std::string_view key,
                                       std::string_view owner,
                                       std::chrono::milliseconds ttl) override;
    [[nodiscard]] Status Unlock(std::string_view key, std::string_view owner) override;

private:
    // Leases and locks differ only in their key space: "lease:" or "lock:".
    Result<bool> Acquire(std::string_view space,
                         std::string_view key,
                         std::string_view owner,
                         std::chrono::milliseconds ttl);
    Status Release(std::string_view space, std::string_view key, std::string_view owner);

    // EVALSHA, then EVAL when the server answers NOSCRIPT; a server error is kUnavailable.
    Result<RedisReply> Eval(const RedisScript& script,
                            const std::string& redis_key,
                            std::vector<std::string> args,
                            RedisRetry retry);

    std::string Key(std::string_view space, std::string_view key) const;

    const std::string prefix_;
    const RedisScripts scripts_;
    RedisPool pool_;
};

}  // namespace scs
