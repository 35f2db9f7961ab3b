#include "state/redis/redis_pool.hpp"

#include <utility>

namespace scs {

RedisPool::RedisPool(RedisEndpoint endpoint,
                     std::chrono::milliseconds timeout,
                     size_t max_idle,
                     std::string client_name)
    : endpoint_(std::move(endpoint)),
      timeout_(timeout),
      max_idle_(max_idle),
      client_name_(std::move(client_name)) {}

Result<RedisReply> RedisPool::Run(const std::vector<std::string>& args, RedisRetry retry) {
    bool reused = false;
    auto client = Borrow(reused);
    if (!client) {
        return tl::unexpected(std::move(client.error()));
    }
    auto reply = client->Command(args);
    if (reply) {
        Return(std::move(*client));
        return reply;
    }
    // An idle connection may have been closed by a server restart or an idle timeout while it
    // sat in the pool; a fresh one tells a dead server from a stale socket.
    if (retry == RedisRetry::kNever || !reused) {
        return reply;
    }
    auto fresh = Connect();
    if (!fresh) {
        return tl::unexpected(std::move(fresh.error()));
    }
    reply = fresh->Command(args);
    if (reply) {
        Return(std::move(*fresh));
    }
    return reply;
}

Result<RedisClient> RedisPool::Borrow(bool& reused) {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            RedisClient client = std::move(idle_.back());
            idle_.pop_back();
            reused = true;
            return client;
        }
    }
    reused = false;
    return Connect();
}

Result<RedisClient> RedisPool::Connect() {
    auto client = RedisClient::Connect(endpoint_, timeout_);
    if (!client || client_name_.empty()) {
        return client;
    }
    auto named = client->Command({"CLIENT", "SETNAME", client_name_});
    if (!named) {
        return tl::unexpected(std::move(named.error()));
    }
    if (named->type == RedisReply::Type::kError) {
        return Fail(ErrorCode::kUnavailable, "redis CLIENT SETNAME: " + named->text);
    }
    return client;
}

void RedisPool::Return(RedisClient&& client) {
    if (client.Broken()) {
        return;
    }
    std::lock_guard lock(mutex_);
    if (idle_.size() < max_idle_) {
        idle_.push_back(std::move(client));
    }
}

}  // namespace scs
