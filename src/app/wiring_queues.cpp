#include "app/runtime.hpp"
#include "jobs/queue_names.hpp"
#include "jobs/sqlite/sqlite_queue.hpp"
#include "jobs/sqs/sqs_admin.hpp"
#include "jobs/sqs/sqs_queue.hpp"
#include "state/redis/redis_client.hpp"
#include "state/redis/redis_state_store.hpp"
#include "state/sqlite/sqlite_state_store.hpp"

namespace scs {
namespace {

// Every idle worker thread polls its queue; on SQLite each poll is a short write transaction,
// so a slower poll than the queue's default keeps the file free for real writes.
constexpr std::chrono::milliseconds kSqlitePollInterval{200};

}  // namespace

Result<std::unique_ptr<StateStore>> BuildStateStore(const AppConfig& config,
                                                    Database& database,
                                                    const TimeSource& clock) {
    if (config.redis_url.empty()) {
        return std::make_unique<SqliteStateStore>(database.Executor(), clock);
    }
    auto endpoint = ParseRedisUrl(config.redis_url);
    if (!endpoint) {
        return tl::unexpected(endpoint.error());
    }
    // Not Open(): a Redis that is down at start-up shows in /health and in the calls that need
    // it, instead of keeping the server from starting.
    RedisStateConfig state_config;
    state_config.url = config.redis_url;
    return std::make_unique<RedisStateStore>(*endpoint, state_config);
}

SqsSettings SqsSettingsFor(const AppConfig& config) {
    return SqsSettings{config.queue.sqs_endpoint,
                       config.queue.sqs_region,
                       config.queue.sqs_access_key_id,
                       config.queue.sqs_secret_access_key,
                       std::chrono::milliseconds(5000)};
}

void OpenQueues(Runtime& runtime) {
    const auto& config = runtime.config;
    if (config.queue.backend == "sqs") {
        runtime.sqs.emplace(SqsSettingsFor(config));
    }
    for (const auto& base : ServiceQueueNames("")) {
        QueueOptions options{config.queue.name_prefix + base, config.queue.max_receives};
        if (runtime.sqs) {
            runtime.queues[base] = std::make_unique<SqsQueue>(*runtime.sqs, runtime.clock, options);
        } else {
            runtime.queues[base] = std::make_unique<SqliteQueue>(
                runtime.database->Executor(), runtime.clock, options, kSqlitePollInterval);
        }
    }
}

Status CreateQueues(const AppConfig& config) {
    if (config.queue.backend != "sqs") {
        return {};
    }
    const SqsClient client(SqsSettingsFor(config));
    return EnsureSqsQueues(
        client, ServiceQueueNames(config.queue.name_prefix), config.queue.max_receives);
}

}  // namespace scs
