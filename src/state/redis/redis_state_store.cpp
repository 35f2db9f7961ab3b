#include "state/redis/redis_state_store.hpp"

#include <charconv>

#include "state/lease_args.hpp"
#include "state/token_bucket.hpp"

namespace scs {
namespace {

using Type = RedisReply::Type;

tl::unexpected<Error> UnexpectedReply(std::string_view what) {
    return Fail(ErrorCode::kInternal, "redis " + std::string(what) + ": unexpected reply type");
}

Result<int64_t> IntegerOf(const RedisReply& reply, std::string_view what) {
    if (reply.type != Type::kInteger) {
        return UnexpectedReply(what);
    }
    return reply.integer;
}

Result<int64_t> ParseInteger(const std::string& text, std::string_view what) {
    int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end) {
        return Fail(ErrorCode::kInternal,
                    "redis " + std::string(what) + ": '" + text + "' is not an integer");
    }
    return value;
}

Result<std::optional<LeaseInfo>> LeaseOf(const RedisReply& reply) {
    if (reply.type == Type::kNil) {
        return std::optional<LeaseInfo>();
    }
    if (reply.type != Type::kArray || reply.elements.size() != 2 ||
        reply.elements[0].type != Type::kString || reply.elements[1].type != Type::kInteger) {
        return UnexpectedReply("get_lease");
    }
    return LeaseInfo{reply.elements[0].text, FromUnixMillis(reply.elements[1].integer)};
}

Result<BucketResult> BucketOf(const RedisReply& reply) {
    if (reply.type != Type::kArray || reply.elements.size() != 3) {
        return UnexpectedReply("take");
    }
    BucketDraw draw;
    for (const RedisReply& element : reply.elements) {
        if (element.type != Type::kInteger) {
            return UnexpectedReply("take");
        }
    }
    draw.granted = reply.elements[0].integer == 1;
    draw.remaining = reply.elements[1].integer;
    draw.retry_after_ms = reply.elements[2].integer;
    return ToBucketResult(draw);
}

Status Succeeded(const Result<RedisReply>& reply, std::string_view what) {
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    if (reply->type == Type::kError) {
        return Fail(ErrorCode::kUnavailable, "redis " + std::string(what) + ": " + reply->text);
    }
    return {};
}

}  // namespace

Result<std::unique_ptr<RedisStateStore>> RedisStateStore::Open(const RedisStateConfig& config) {
    auto endpoint = ParseRedisUrl(config.url);
    if (!endpoint) {
        return tl::unexpected(std::move(endpoint.error()));
    }
    if (config.client_name.find_first_of(" \t\r\n") != std::string::npos) {
        return FailField("redis.client_name", "redis.client_name: must not contain spaces");
    }
    auto store = std::make_unique<RedisStateStore>(*endpoint, config);
    const auto ping = store->pool_.Run({"PING"}, RedisRetry::kNever);
    if (auto ok = Succeeded(ping, "PING"); !ok) {
        return tl::unexpected(std::move(ok.error()));
    }
    return store;
}

RedisStateStore::RedisStateStore(const RedisEndpoint& endpoint, const RedisStateConfig& config)
    : prefix_(config.key_prefix),
      scripts_(MakeRedisScripts()),
      pool_(endpoint, config.timeout, config.max_idle_connections, config.client_name) {}

Result<bool> RedisStateStore::TryAcquireLease(std::string_view key,
                                              std::string_view owner,
                                              std::chrono::milliseconds ttl) {
    return Acquire("lease:", key, owner, ttl);
}

Result<bool> RedisStateStore::RenewLease(std::string_view key,
                                         std::string_view owner,
                                         std::chrono::milliseconds ttl) {
    if (auto checked = CheckLeaseArgs(key, owner, ttl); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    auto reply = Eval(scripts_.renew,
                      Key("lease:", key),
                      {std::string(owner), std::to_string(ttl.count())},
                      RedisRetry::kOnStaleConnection);
    if (!reply) {
        return tl::unexpected(std::move(reply.error()));
    }
    return IntegerOf(*reply, "renew").map([](int64_t renewed) { return renewed == 1; });
}

Status RedisStateStore::ReleaseLease(std::string_view key, std::string_view owner) {
    return Release("lease:", key, owner);
}

Result<std::optional<LeaseInfo>> RedisStateStore::GetLease(std::string_view key) {
    auto reply = Eval(scripts_.get_lease, Key("lease:", key), {}, RedisRetry::kOnStaleConnection);
    if (!reply) {
        return tl::unexpected(std::move(reply.error()));
    }
    return LeaseOf(*reply);
}

Status RedisStateStore::SetLastSync(int64_t connection_id, std::string_view entity, TimePoint at) {
    if (entity.empty()) {
        return FailField("entity", "entity: must not be empty");
    }
    const std::string key = Key("last_sync:", std::to_string(connection_id) + ":");
    auto reply = pool_.Run({"SET", key + std::string(entity), std::to_string(ToUnixMillis(at))},
                           RedisRetry::kOnStaleConnection);
    return Succeeded(reply, "SET");
}

Result<std::optional<TimePoint>> RedisStateStore::GetLastSync(int64_t connection_id,
                                                              std::string_view entity) {
    const std::string key = Key("last_sync:", std::to_string(connection_id) + ":");
    auto reply = pool_.Run({"GET", key + std::string(entity)}, RedisRetry::kOnStaleConnection);
    if (auto ok = Succeeded(reply, "GET"); !ok) {
        return tl::unexpected(std::move(ok.error()));
    }
    if (reply->type == Type::kNil) {
        return std::optional<TimePoint>();
    }
    return ParseInteger(reply->text, "last_sync").map([](int64_t ms) {
        return std::optional<TimePoint>(FromUnixMillis(ms));
    });
}

Result<BucketResult> RedisStateStore::TryTake(std::string_view bucket,
                                              double capacity,
                                              double refill_per_second,
                                              double tokens) {
    if (bucket.empty()) {
        return FailField("bucket", "bucket: must not be empty");
    }
    const auto request = MakeBucketRequest(capacity, refill_per_second, tokens);
    if (!request) {
        return tl::unexpected(request.error());
    }
    // Never resent: a draw the server ran before the connection broke would be spent twice.
    auto reply = Eval(scripts_.take,
                      Key("bucket:", bucket),
                      {std::to_string(request->capacity),
                       std::to_string(request->refill_per_second),
                       std::to_string(request->tokens)},
                      RedisRetry::kNever);
    if (!reply) {
        return tl::unexpected(std::move(reply.error()));
    }
    return BucketOf(*reply);
}

Result<bool> RedisStateStore::TryLock(std::string_view key,
                                      std::string_view owner,
                                      std::chrono::milliseconds ttl) {
    return Acquire("lock:", key, owner, ttl);
}

Status RedisStateStore::Unlock(std::string_view key, std::string_view owner) {
    return Release("lock:", key, owner);
}

Result<bool> RedisStateStore::Acquire(std::string_view space,
                                      std::string_view key,
                                      std::string_view owner,
                                      std::chrono::milliseconds ttl) {
    if (auto checked = CheckLeaseArgs(key, owner, ttl); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    // Safe to resend: a second run by the same owner only restarts the TTL.
    auto reply = Eval(scripts_.acquire,
                      Key(space, key),
                      {std::string(owner), std::to_string(ttl.count())},
                      RedisRetry::kOnStaleConnection);
    if (!reply) {
        return tl::unexpected(std::move(reply.error()));
    }
    return IntegerOf(*reply, "acquire").map([](int64_t taken) { return taken == 1; });
}

Status RedisStateStore::Release(std::string_view space,
                                std::string_view key,
                                std::string_view owner) {
    if (auto checked = CheckLeaseArgs(key, owner); !checked) {
        return checked;
    }
    auto reply = Eval(
        scripts_.release, Key(space, key), {std::string(owner)}, RedisRetry::kOnStaleConnection);
    if (!reply) {
        return tl::unexpected(std::move(reply.error()));
    }
    if (reply->type == Type::kNil) {
        return {};
    }
    if (reply->type != Type::kString) {
        return UnexpectedReply("release");
    }
    return Fail(ErrorCode::kConflict,
                std::string(space) + std::string(key) + " is held by " + reply->text);
}

Result<RedisReply> RedisStateStore::Eval(const RedisScript& script,
                                         const std::string& redis_key,
                                         std::vector<std::string> args,
                                         RedisRetry retry) {
    std::vector<std::string> command = {"EVALSHA", script.sha1, "1", redis_key};
    command.insert(
        command.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
    auto reply = pool_.Run(command, retry);
    // NOSCRIPT means the script did not run, so running its source is safe even for a draw.
    if (reply && reply->type == Type::kError && reply->text.starts_with("NOSCRIPT")) {
        command[0] = "EVAL";
        command[1] = std::string(script.source);
        reply = pool_.Run(command, retry);
    }
    if (auto ok = Succeeded(reply, script.name); !ok) {
        return tl::unexpected(std::move(ok.error()));
    }
    return reply;
}

std::string RedisStateStore::Key(std::string_view space, std::string_view key) const {
    std::string full = prefix_;
    full.append(space);
    full.append(key);
    return full;
}

}  // namespace scs
