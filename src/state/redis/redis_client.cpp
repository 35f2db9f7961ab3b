#include "state/redis/redis_client.hpp"

#include <charconv>

#include <boost/url/parse.hpp>
#include <hiredis/hiredis.h>

namespace scs {

struct RedisClient::Handle {
    redisContext* context = nullptr;

    ~Handle() {
        if (context != nullptr) {
            redisFree(context);
        }
    }

    Handle() = default;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&&) = delete;
    Handle& operator=(Handle&&) = delete;
};

namespace {

struct ReplyDeleter {
    void operator()(redisReply* reply) const { freeReplyObject(reply); }
};

using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

RedisReply TextReply(RedisReply::Type type, const redisReply& reply) {
    RedisReply converted;
    converted.type = type;
    converted.text.assign(reply.str, reply.len);
    return converted;
}

RedisReply Convert(const redisReply& reply) {
    RedisReply converted;
    switch (reply.type) {
        case REDIS_REPLY_STRING:
            return TextReply(RedisReply::Type::kString, reply);
        case REDIS_REPLY_STATUS:
            return TextReply(RedisReply::Type::kStatus, reply);
        case REDIS_REPLY_ERROR:
            return TextReply(RedisReply::Type::kError, reply);
        case REDIS_REPLY_INTEGER:
            converted.type = RedisReply::Type::kInteger;
            converted.integer = reply.integer;
            return converted;
        case REDIS_REPLY_ARRAY:
            converted.type = RedisReply::Type::kArray;
            for (size_t i = 0; i < reply.elements; ++i) {
                converted.elements.push_back(Convert(*reply.element[i]));
            }
            return converted;
        default:
            return converted;  // nil
    }
}

Result<RedisReply> SendCommand(redisContext* context, const std::vector<std::string>& args) {
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    for (const auto& arg : args) {
        argv.push_back(arg.data());
        lengths.push_back(arg.size());
    }
    Reply reply(static_cast<redisReply*>(
        redisCommandArgv(context, static_cast<int>(argv.size()), argv.data(), lengths.data())));
    if (!reply) {
        return Fail(ErrorCode::kUnavailable, std::string("redis: ") + context->errstr);
    }
    return Convert(*reply);
}

// A command whose server error counts as a failure; its text reply, "" for other types.
Result<std::string> TextCommand(redisContext* context, const std::vector<std::string>& args) {
    auto reply = SendCommand(context, args);
    if (!reply) {
        return tl::unexpected(std::move(reply.error()));
    }
    if (reply->type == RedisReply::Type::kError) {
        return Fail(ErrorCode::kUnavailable, "redis " + args[0] + ": " + reply->text);
    }
    return std::move(reply->text);
}

}  // namespace

Result<RedisEndpoint> ParseRedisUrl(const std::string& url) {
    auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed || parsed->scheme() != "redis" || parsed->host().empty()) {
        return FailField("redis.url", "redis.url: expected redis://[:password@]host[:port][/db]");
    }
    RedisEndpoint endpoint;
    endpoint.host = std::string(parsed->host());
    if (parsed->has_port()) {
        endpoint.port = parsed->port_number();
    }
    if (parsed->has_password()) {
        endpoint.password = std::string(parsed->password());
    }
    std::string path(parsed->path());
    if (path.size() > 1) {
        const auto* begin = path.data() + 1;
        const auto [ptr, ec] = std::from_chars(begin, path.data() + path.size(), endpoint.db);
        if (ec != std::errc() || ptr != path.data() + path.size()) {
            return FailField("redis.url",
                             "redis.url: the database must be a number, as in redis://host:6379/0");
        }
    }
    return endpoint;
}

RedisClient::RedisClient(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}

RedisClient::~RedisClient() = default;
RedisClient::RedisClient(RedisClient&&) noexcept = default;
RedisClient& RedisClient::operator=(RedisClient&&) noexcept = default;

Result<RedisClient> RedisClient::Connect(const RedisEndpoint& endpoint,
                                         std::chrono::milliseconds timeout) {
    const timeval tv{static_cast<time_t>(timeout.count() / 1000),
                     static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
    auto handle = std::make_unique<Handle>();
    handle->context = redisConnectWithTimeout(endpoint.host.c_str(), endpoint.port, tv);
    const std::string where = "redis at " + endpoint.host + ":" + std::to_string(endpoint.port);
    if (handle->context == nullptr || handle->context->err != 0) {
        const std::string why =
            handle->context != nullptr ? handle->context->errstr : "out of memory";
        return Fail(ErrorCode::kUnavailable, where + ": " + why);
    }
    redisSetTimeout(handle->context, tv);
    if (!endpoint.password.empty()) {
        if (auto auth = TextCommand(handle->context, {"AUTH", endpoint.password}); !auth) {
            return Fail(ErrorCode::kUnavailable, where + ": authentication failed");
        }
    }
    if (endpoint.db != 0) {
        if (auto select = TextCommand(handle->context, {"SELECT", std::to_string(endpoint.db)});
            !select) {
            return tl::unexpected(select.error());
        }
    }
    return RedisClient(std::move(handle));
}

Status RedisClient::Ping() {
    auto reply = TextCommand(handle_->context, {"PING"});
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    if (*reply != "PONG") {
        return Fail(ErrorCode::kUnavailable, "redis PING answered '" + *reply + "'");
    }
    return {};
}

Result<RedisReply> RedisClient::Command(const std::vector<std::string>& args) {
    return SendCommand(handle_->context, args);
}

bool RedisClient::Broken() const {
    return handle_->context->err != 0;
}

}  // namespace scs
