#include <set>

#include "app/credential_vault.hpp"
#include "app/runtime.hpp"
#include "app/version.hpp"
#include "connectors/builtin.hpp"
#include "connectors/catalogue.hpp"
#include "jobs/queue_names.hpp"
#include "security/key_loader.hpp"

namespace scs {
namespace {

Result<std::unique_ptr<SecretBox>> BuildSecretBox(const AppConfig& config, Redactor& redactor) {
    auto keys = LoadMasterKeys(config.security.master_key, config.data_dir);
    if (!keys) {
        return tl::unexpected(keys.error());
    }
    for (const auto& key : *keys) {
        redactor.AddSecret(key.key);
    }
    auto box = SecretBox::Create(std::move(*keys));
    if (!box) {
        return tl::unexpected(box.error());
    }
    return std::make_unique<SecretBox>(std::move(*box));
}

// The connectors share the process's HTTP client, the state store (so a store's rate budget
// and token refresh are shared by every worker of the deployment) and the clock.
std::unique_ptr<ConnectorRegistry> BuildRegistry(Runtime& runtime) {
    std::set<std::string, std::less<>> disabled;
    for (const auto& info : BuiltinCatalogue()) {
        if (!runtime.config.features.Enabled(info.tag)) {
            disabled.insert(info.tag);
        }
    }
    auto registry = std::make_unique<ConnectorRegistry>(BuiltinCatalogue(), std::move(disabled));
    // The sandboxes live on loopback over plain http; production store URLs must be public https.
    const bool allow_private = runtime.config.security.allow_private_store_urls;
    std::map<std::string, ConnectorDeps> deps;
    // Every platform of the catalogue, configured or not: the security settings apply to all.
    for (const auto& info : registry->Catalogue()) {
        const std::string& tag = info.tag;
        const PlatformSettings& settings = runtime.config.platforms[tag];
        ConnectorDeps platform;
        platform.base_url = settings.base_url;
        platform.api_version = settings.api_version;
        platform.settings = {{"client_id", settings.client_id},
                             {"client_secret", settings.client_secret},
                             {"scopes", settings.scopes},
                             {"app_name", settings.app_name},
                             {"https_auth", settings.https_auth},
                             {"allow_private_addresses", allow_private ? "true" : "false"}};
        if (settings.rate_bucket_size > 0) {
            platform.settings["bucket_size"] =
                std::to_string(static_cast<int64_t>(settings.rate_bucket_size));
        }
        if (settings.rate_restore_per_second > 0) {
            platform.settings["restore_rate"] =
                std::to_string(static_cast<int64_t>(settings.rate_restore_per_second));
            // WooCommerce has no budget of its own: the rate is requests per second per store.
            platform.settings["requests_per_second"] = platform.settings["restore_rate"];
        }
        platform.identity = StoreIdentityRules{allow_private, allow_private};
        platform.http = runtime.http;
        platform.state = runtime.state.get();
        platform.clock = &runtime.clock;
        deps[tag] = std::move(platform);
    }
    RegisterBuiltinPlatforms(*registry, deps);
    return registry;
}

}  // namespace

Status SubscribeConnectionWebhooks(Runtime& runtime,
                                   const Connection& connection,
                                   const Credentials& credentials) {
    auto connector = runtime.registry->Make(connection.platform);
    if (!connector) {
        return tl::unexpected(connector.error());
    }
    ConnectorSession session{connection, credentials, runtime.vault.get()};
    return (*connector)
        ->SubscribeWebhooks(session,
                            runtime.config.PublicUrl() + "/internal/v1/sales_channels/webhooks/" +
                                connection.platform);
}

std::function<Status(const Connection&)> WebhookRepairFor(Runtime& runtime) {
    return [rt = &runtime](const Connection& connection) -> Status {
        auto credentials = rt->vault->Load(connection.id);
        if (!credentials) {
            return tl::unexpected(credentials.error());
        }
        return SubscribeConnectionWebhooks(*rt, connection, *credentials);
    };
}

SyncOptions SyncOptionsFor(const AppConfig& config) {
    SyncOptions options;
    options.freeze_times = config.sync.freeze_times;
    options.batch_sizes = config.sync.batch_sizes;
    options.overlap = config.sync.overlap;
    options.reconcile_interval = config.sync.reconcile_interval;
    return options;
}

void BuildOrderFlow(Runtime& runtime) {
    auto& executor = runtime.database->Executor();
    runtime.sync_metrics = std::make_unique<SyncMetrics>(*runtime.metrics);
    runtime.sync = std::make_unique<SyncService>(
        SyncServiceDeps{executor,
                        *runtime.state,
                        *runtime.queues.at(std::string(kFetchOrdersQueue)),
                        runtime.clock,
                        SyncOptionsFor(runtime.config),
                        runtime.queues.at(std::string(kFetchProductsQueue)).get()});
    runtime.webhook_metrics = std::make_unique<WebhookMetrics>(*runtime.metrics);
    runtime.webhooks =
        std::make_unique<WebhookProcessor>(WebhookProcessorDeps{*runtime.registry,
                                                                executor,
                                                                runtime.database->Connections(),
                                                                runtime.clock,
                                                                [rt = &runtime] {
                                                                    rt->outbox_wakeup();
                                                                }});
    runtime.push =
        std::make_unique<PushService>(PushServiceDeps{executor, runtime.clock, [rt = &runtime] {
                                                          rt->outbox_wakeup();
                                                      }});
}

Result<std::unique_ptr<Runtime>> BuildRuntime(AppConfig config,
                                              std::shared_ptr<Redactor> redactor) {
    auto runtime = std::make_unique<Runtime>();
    runtime->config = std::move(config);
    const auto& cfg = runtime->config;
    runtime->redactor = std::move(redactor);
    runtime->metrics = std::make_unique<Metrics>(std::string(kVersion), std::string(kGitCommit));
    auto database = OpenDatabase(cfg);
    if (!database) {
        return tl::unexpected(database.error());
    }
    runtime->database = std::move(*database);
    if (auto schema = EnsureSchema(*runtime->database, cfg.AutoMigrate()); !schema) {
        return tl::unexpected(schema.error());
    }
    auto secrets = BuildSecretBox(cfg, *runtime->redactor);
    if (!secrets) {
        return tl::unexpected(secrets.error());
    }
    runtime->secrets = std::move(*secrets);
    auto auth = BuildAuthenticator(cfg, *runtime->redactor);
    if (!auth) {
        return tl::unexpected(auth.error());
    }
    runtime->auth = std::move(*auth);
    auto state = BuildStateStore(cfg, *runtime->database, runtime->clock);
    if (!state) {
        return tl::unexpected(state.error());
    }
    runtime->state = std::move(*state);
    runtime->http = MakeCurlHttpClient();
    runtime->registry = BuildRegistry(*runtime);
    runtime->vault = std::make_unique<StoreCredentialVault>(
        runtime->database->Connections(), *runtime->secrets, runtime->clock);
    for (const auto& [tag, settings] : cfg.platforms) {
        runtime->redactor->AddSecret(settings.client_secret);
    }
    OpenQueues(*runtime);
    BuildOrderFlow(*runtime);
    AddHealthChecks(*runtime);
    return runtime;
}

}  // namespace scs
