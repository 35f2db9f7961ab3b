#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "api/auth.hpp"
#include "app/config.hpp"
#include "connectors/connector_registry.hpp"
#include "core/time.hpp"
#include "jobs/queue.hpp"
#include "jobs/sqs/sqs_client.hpp"
#include "net/http_client.hpp"
#include "observability/health.hpp"
#include "observability/metrics.hpp"
#include "push/push_service.hpp"
#include "security/redactor.hpp"
#include "security/secret_box.hpp"
#include "state/state_store.hpp"
#include "storage/database.hpp"
#include "sync/sync_metrics.hpp"
#include "sync/sync_service.hpp"
#include "webhooks/webhook_metrics.hpp"
#include "webhooks/webhook_processor.hpp"

namespace scs {

// Wakes this process's outbox relay after a commit that wrote outbox rows, when the process runs
// one (scs work / scs all); otherwise does nothing and the workers' relay finds the rows on its
// next poll. Thread-safe.
class OutboxWakeup {
public:
    void Set(std::function<void()> notify) {
        const std::lock_guard lock(mutex_);
        notify_ = std::move(notify);
    }

    void operator()() const {
        const std::lock_guard lock(mutex_);
        if (notify_) {
            notify_();
        }
    }

private:
    mutable std::mutex mutex_;
    std::function<void()> notify_;
};

// Everything one process owns, built by the composition root in dependency order and torn down
// in reverse. Owned by main() for the life of the process.
struct Runtime {
    AppConfig config;
    SystemTimeSource clock;  // first in, last out: the queues and stores below use it
    std::shared_ptr<Redactor> redactor;
    std::unique_ptr<Metrics> metrics;
    std::unique_ptr<Database> database;
    std::unique_ptr<SecretBox> secrets;
    std::unique_ptr<ConnectorRegistry> registry;
    std::unique_ptr<TokenAuthenticator> auth;
    std::unique_ptr<StateStore> state;
    std::shared_ptr<HttpClient> http;        // outbound calls to the platforms
    std::unique_ptr<CredentialVault> vault;  // rotated platform tokens
    std::optional<SqsClient> sqs;            // when queue.backend = sqs
    // Every service queue, by its name without the deployment prefix (e.g. "fetch-orders.fifo").
    std::map<std::string, std::unique_ptr<Queue>, std::less<>> queues;
    HealthChecker health;
    OutboxWakeup outbox_wakeup;
    std::unique_ptr<SyncMetrics> sync_metrics;
    std::unique_ptr<SyncService> sync;  // triggers syncs: the API and the reconciler
    std::unique_ptr<WebhookMetrics> webhook_metrics;
    std::unique_ptr<WebhookProcessor> webhooks;  // processes and replays stored events
    std::unique_ptr<PushService> push;           // accepts push-back requests: the API
};

// Subscribes a connection's store webhooks to this service's ingress (public_url), through its
// connector: on connect, on an OAuth or key-exchange install, and when reconciliation repairs
// them. Idempotent.
[[nodiscard]] Status SubscribeConnectionWebhooks(Runtime& runtime,
                                                 const Connection& connection,
                                                 const Credentials& credentials);

// The same for a stored connection, with its stored credentials: what reconciliation runs for
// each due connection, and `scs all --sandbox` for a demo connection kept from an earlier run.
std::function<Status(const Connection&)> WebhookRepairFor(Runtime& runtime);

// The sync settings as the sync service and job take them.
SyncOptions SyncOptionsFor(const AppConfig& config);

// The sync service, webhook processor, push service and their metrics (after the queues are
// open).
void BuildOrderFlow(Runtime& runtime);

// Opens the configured database (SQLite file or PostgreSQL). Does not migrate.
[[nodiscard]] Result<std::unique_ptr<Database>> OpenDatabase(const AppConfig& config);

// Brings the schema to the binary's version when auto-migration is on; otherwise refuses a
// schema that is behind, dirty or ahead with a message saying what to run.
[[nodiscard]] Status EnsureSchema(Database& database, bool auto_migrate);

// Builds the shared runtime for serve/work/all: logging, storage, secrets, connectors, auth,
// metrics and health checks. Fails fast with one clear message.
[[nodiscard]] Result<std::unique_ptr<Runtime>> BuildRuntime(AppConfig config,
                                                            std::shared_ptr<Redactor> redactor);

// Admin token hash and seller token hashes. With no token configured at all, a random admin
// token is generated once into <data_dir>/api-token (mode 0600) so the embedded default is usable.
[[nodiscard]] Result<std::unique_ptr<TokenAuthenticator>> BuildAuthenticator(
    const AppConfig& config, Redactor& redactor);

// The sync state store: Redis when redis.url is set, else tables in the SQLite database.
[[nodiscard]] Result<std::unique_ptr<StateStore>> BuildStateStore(const AppConfig& config,
                                                                  Database& database,
                                                                  const TimeSource& clock);

// Client settings for the configured SQS endpoint, region and keys.
SqsSettings SqsSettingsFor(const AppConfig& config);

// One handle per service queue on the configured backend. Opening never touches the network:
// a missing or unreachable SQS queue shows in /health and in the calls that use it.
void OpenQueues(Runtime& runtime);

// `scs queues create` and `scs migrate up` (with queue.create_on_migrate): creates the SQS
// queues, their dead-letter queues and redrive policies when missing. Nothing to do on SQLite.
[[nodiscard]] Status CreateQueues(const AppConfig& config);

// Registers the real dependency checks: database, Redis (when configured) and the queue backend.
void AddHealthChecks(Runtime& runtime);

}  // namespace scs
