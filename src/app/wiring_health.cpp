#include "app/runtime.hpp"
#include "jobs/sqs/sqs_client.hpp"
#include "state/redis/redis_client.hpp"

namespace scs {
namespace {

constexpr std::chrono::milliseconds kCheckTimeout{2000};

Status PingRedis(const std::string& url) {
    auto endpoint = ParseRedisUrl(url);
    if (!endpoint) {
        return tl::unexpected(endpoint.error());
    }
    auto client = RedisClient::Connect(*endpoint, kCheckTimeout);
    if (!client) {
        return tl::unexpected(client.error());
    }
    return client->Ping();
}

}  // namespace

void AddHealthChecks(Runtime& runtime) {
    Database* database = runtime.database.get();
    runtime.health.Add("database", [database] { return database->Ping(); });
    const auto& config = runtime.config;
    if (!config.redis_url.empty()) {
        runtime.health.Add("redis", [url = config.redis_url] { return PingRedis(url); });
    }
    if (config.queue.backend == "sqs") {
        SqsClient sqs(SqsSettings{config.queue.sqs_endpoint,
                                  config.queue.sqs_region,
                                  config.queue.sqs_access_key_id,
                                  config.queue.sqs_secret_access_key,
                                  kCheckTimeout});
        runtime.health.Add("queue", [sqs] { return sqs.Ping(); });
    } else {
        // The SQLite queue lives in the service database: reaching it is what the queue needs.
        runtime.health.Add("queue", [database] { return database->Ping(); });
    }
}

}  // namespace scs
