#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "http/server.hpp"
#include "storage/storage_config.hpp"

namespace scs {

struct DatabaseSettings {
    std::string url;  // sqlite:///abs/path, sqlite://relative/path or postgresql://...; default
                      // <data_dir>/scs.db
    std::string auto_migrate = "auto";  // auto (= yes for SQLite), true, false
};

struct QueueSettings {
    std::string backend = "sqlite";  // sqlite (tables in the service database) or sqs
    std::string sqs_endpoint;        // empty: https://sqs.<region>.amazonaws.com
    std::string sqs_region = "us-east-1";
    std::string sqs_access_key_id;
    std::string sqs_secret_access_key;
    std::string name_prefix;  // prepended to every queue name, e.g. "prod-"
    int max_receives = 5;     // receives before a message goes to the dead-letter queue
    std::chrono::milliseconds visibility_timeout{30000};
    bool create_on_migrate = true;  // sqs: `scs migrate up` creates missing queues and DLQs
};

struct SyncSettings {
    std::map<std::string, std::chrono::milliseconds> freeze_times{
        {"products", std::chrono::minutes(5)},
        {"orders", std::chrono::minutes(2)},
        {"inventory", std::chrono::minutes(1)},
        {"returns", std::chrono::minutes(10)}};
    std::map<std::string, int> batch_sizes{{"orders", 50}, {"products", 100}, {"inventory", 200}};
    std::chrono::milliseconds overlap{std::chrono::minutes(5)};
    std::chrono::milliseconds reconcile_interval{std::chrono::minutes(15)};
};

struct WorkerSettings {
    std::string groups = "orders,products,inventory,webhooks";
    int concurrency = 4;  // jobs in flight per queue in one process
    // Per-queue overrides of `concurrency`, by queue name without the prefix.
    std::map<std::string, int> queue_concurrency;
    std::chrono::milliseconds shutdown_grace{std::chrono::seconds(30)};
    std::chrono::milliseconds retry_base{std::chrono::seconds(1)};  // first retry's backoff
    std::chrono::milliseconds retry_cap{std::chrono::minutes(15)};  // longest backoff
};

struct AuthSettings {
    std::string admin_token;                           // plain; hashed at start-up
    std::map<std::string, std::string> seller_tokens;  // seller id -> sha256 hex of its token
};

struct SecuritySettings {
    std::string master_key;                 // key spec; empty: <data_dir>/master.key
    bool allow_private_store_urls = false;  // the sandboxes live on loopback
};

struct PlatformSettings {
    std::string base_url;         // empty: the production host; may contain {shop} (Shopify)
    std::string api_version;      // empty: the connector's pinned version
    std::string client_id;        // the OAuth app's key (OAuth platforms)
    std::string client_secret;    // the OAuth app's secret; also signs the app's webhooks
    std::string scopes;           // OAuth scopes asked for at install, comma separated
    std::string app_name;         // what a WooCommerce key-exchange grant screen names
    std::string https_auth;       // WooCommerce over https: basic (default) or query
    double rate_bucket_size = 0;  // the store's API budget; 0: the connector's default (plan)
    double rate_restore_per_second = 0;
};

// Feature flags (features.<name>.enabled): each platform can be switched off, and new behaviour
// can ship dark. Read through Enabled(); a flag not set is on unless its feature ships dark.
struct FeatureFlags {
    std::map<std::string, bool, std::less<>> enabled;

    bool Enabled(std::string_view name) const {
        const auto it = enabled.find(name);
        return it == enabled.end() || it->second;
    }
};

// The embedded platform emulators (`scs sandbox`, `scs all --sandbox`).
struct SandboxSettings {
    std::string addr = "127.0.0.1:8090";  // SCS_SANDBOX_ADDR
};

// The whole configuration of one process. Built once by LoadConfig; each component then receives
// only its own part.
struct AppConfig {
    std::filesystem::path data_dir = "data";
    std::string log_level = "info";
    std::string http_addr = "0.0.0.0:8081";
    HttpServerConfig http;
    DatabaseSettings database;
    StorageConfig storage;
    std::string redis_url;
    // How long sent outbox rows are kept (for audits of what reached the OMS) before pruning.
    std::chrono::milliseconds outbox_retention{std::chrono::hours(24 * 7)};
    QueueSettings queue;
    SyncSettings sync;
    WorkerSettings worker;
    AuthSettings auth;
    SecuritySettings security;
    std::map<std::string, PlatformSettings> platforms;
    FeatureFlags features;
    // The service's address as the platforms and sellers' browsers reach it: webhook callbacks
    // and OAuth redirects are built on it. Empty: http://<http.addr>, with 127.0.0.1 for 0.0.0.0.
    std::string public_url;
    SandboxSettings sandbox;

    std::string PublicUrl() const;

    bool UsesSqlite() const { return database.url.rfind("sqlite:", 0) == 0; }

    std::filesystem::path SqlitePath() const;  // only when UsesSqlite()
    bool AutoMigrate() const;
};

// Reads environment variables; injected so tests control the environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvLookup ProcessEnvironment();

// What the configuration is loaded for. kMigrate needs only the database (and the queues it
// creates), so it does not require redis.url on PostgreSQL; kRun (every other mode) does.
enum class ConfigUse { kRun, kMigrate };

// Loads the configuration: defaults, then the YAML file (when given) with ${VAR} and
// ${VAR:-default} substituted in every value, then SCS_* environment overrides; then validates
// for `use`. An error names the offending key, e.g. "http.addr: expected host:port, got 'x'".
[[nodiscard]] Result<AppConfig> LoadConfig(const std::optional<std::filesystem::path>& file,
                                           const EnvLookup& env,
                                           ConfigUse use = ConfigUse::kRun);

// Every documented key path, for the example-file check and `scs --help`.
std::vector<std::string> ConfigKeyPaths();

}  // namespace scs
