#include "app/config_keys.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>

#include "connectors/catalogue.hpp"
#include "core/time.hpp"
#include "jobs/queue_names.hpp"

namespace scs {
namespace {

using Setter = std::function<Status(AppConfig&, const std::string&, const std::string&)>;

const std::set<std::string>& SyncEntities() {
    static const std::set<std::string> kEntities{"orders", "products", "inventory", "returns"};
    return kEntities;
}

// The catalogue's tags: platforms.<tag> and features.<tag> name one of them.
const std::set<std::string>& PlatformTags() {
    static const std::set<std::string> kTags = [] {
        std::set<std::string> tags;
        for (const auto& platform : BuiltinCatalogue()) {
            tags.insert(platform.tag);
        }
        return tags;
    }();
    return kTags;
}

Result<int64_t> ParseInteger(const std::string& key,
                             const std::string& value,
                             int64_t min,
                             int64_t max) {
    int64_t parsed = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec != std::errc() || ptr != value.data() + value.size()) {
        return FailField(key, key + ": expected an integer, got '" + value + "'");
    }
    if (parsed < min || parsed > max) {
        return FailField(key,
                         key + ": must be between " + std::to_string(min) + " and " +
                             std::to_string(max) + ", got " + value);
    }
    return parsed;
}

Result<std::chrono::milliseconds> ParseDurationKey(const std::string& key,
                                                   const std::string& value) {
    const auto parsed = ParseDuration(value);
    if (!parsed) {
        return FailField(
            key, key + ": expected a duration like 250ms, 30s, 5m or 1h, got '" + value + "'");
    }
    return *parsed;
}

ConfigKey Text(std::string path, const std::function<std::string&(AppConfig&)>& ref) {
    return {std::move(path), false, [ref](AppConfig& c, const std::string&, const std::string& v) {
                ref(c) = v;
                return Status{};
            }};
}

ConfigKey OneOf(std::string path,
                const std::set<std::string>& allowed,
                const std::function<std::string&(AppConfig&)>& ref) {
    const std::string key = path;
    return {std::move(path),
            false,
            [key, allowed, ref](AppConfig& c, const std::string&, const std::string& v) -> Status {
                if (allowed.count(v) == 0) {
                    std::string list;
                    for (const auto& a : allowed) {
                        list += (list.empty() ? "" : ", ") + a;
                    }
                    return FailField(key, key + ": must be one of " + list + ", got '" + v + "'");
                }
                ref(c) = v;
                return {};
            }};
}

template <class T>
ConfigKey Integer(std::string path,
                  int64_t min,
                  int64_t max,
                  const std::function<T&(AppConfig&)>& ref) {
    const std::string key = path;
    return {std::move(path),
            false,
            [key, min, max, ref](AppConfig& c, const std::string&, const std::string& v) -> Status {
                auto parsed = ParseInteger(key, v, min, max);
                if (!parsed) {
                    return tl::unexpected(parsed.error());
                }
                ref(c) = static_cast<T>(*parsed);
                return {};
            }};
}

ConfigKey Flag(std::string path, const std::function<bool&(AppConfig&)>& ref) {
    const std::string key = path;
    return {std::move(path),
            false,
            [key, ref](AppConfig& c, const std::string&, const std::string& v) -> Status {
                if (v != "true" && v != "false") {
                    return FailField(key, key + ": expected true or false, got '" + v + "'");
                }
                ref(c) = v == "true";
                return {};
            }};
}

ConfigKey Duration(std::string path,
                   const std::function<std::chrono::milliseconds&(AppConfig&)>& ref) {
    const std::string key = path;
    return {std::move(path),
            false,
            [key, ref](AppConfig& c, const std::string&, const std::string& v) -> Status {
                auto parsed = ParseDurationKey(key, v);
                if (!parsed) {
                    return tl::unexpected(parsed.error());
                }
                ref(c) = *parsed;
                return {};
            }};
}

Status SetDataDir(AppConfig& c, const std::string&, const std::string& v) {
    if (v.empty()) {
        return FailField("data_dir", "data_dir: must not be empty");
    }
    c.data_dir = v;
    return {};
}

Status SetHttpAddr(AppConfig& c, const std::string&, const std::string& v) {
    auto parsed = ParseHostPort(v);
    if (!parsed) {
        return FailField("http.addr", "http.addr: " + parsed.error().message);
    }
    c.http_addr = v;
    c.http.host = parsed->first;
    c.http.port = parsed->second;
    return {};
}

Status SetFreezeTime(AppConfig& c, const std::string& entity, const std::string& v) {
    const std::string key = "sync.freeze_times." + entity;
    if (SyncEntities().count(entity) == 0) {
        return FailField(
            key,
            key + ": unknown sync entity '" + entity + "' (orders, products, inventory, returns)");
    }
    auto parsed = ParseDurationKey(key, v);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    c.sync.freeze_times[entity] = *parsed;
    return {};
}

Status SetBatchSize(AppConfig& c, const std::string& entity, const std::string& v) {
    const std::string key = "sync.batch_sizes." + entity;
    if (SyncEntities().count(entity) == 0) {
        return FailField(key, key + ": unknown sync entity '" + entity + "'");
    }
    auto parsed = ParseInteger(key, v, 1, 1000);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    c.sync.batch_sizes[entity] = static_cast<int>(*parsed);
    return {};
}

Status SetQueueConcurrency(AppConfig& c, const std::string& queue, const std::string& v) {
    const std::string key = "worker.queue_concurrency." + queue;
    const auto names = ServiceQueueNames("");
    if (std::find(names.begin(), names.end(), queue) == names.end()) {
        return FailField(key, key + ": unknown queue '" + queue + "'");
    }
    auto parsed = ParseInteger(key, v, 1, 256);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    c.worker.queue_concurrency[queue] = static_cast<int>(*parsed);
    return {};
}

Status SetSellerToken(AppConfig& c, const std::string& seller_id, const std::string& v) {
    const std::string key = "auth.seller_tokens." + seller_id;
    const bool is_hex =
        v.size() == 64 && v.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (seller_id.empty() || !is_hex) {
        return FailField(key,
                         key +
                             ": expected the lower-case hex SHA-256 of the seller's token "
                             "(scs hash-token TOKEN prints it)");
    }
    c.auth.seller_tokens[seller_id] = v;
    return {};
}

Status SetPlatform(AppConfig& c, const std::string& sub_key, const std::string& v) {
    const auto dot = sub_key.find('.');
    const std::string tag = sub_key.substr(0, dot);
    const std::string field = dot == std::string::npos ? "" : sub_key.substr(dot + 1);
    const std::string key = "platforms." + sub_key;
    if (PlatformTags().count(tag) == 0) {
        return FailField(key, key + ": unknown platform '" + tag + "'");
    }
    auto& platform = c.platforms[tag];
    const std::map<std::string, std::string*> texts{{"base_url", &platform.base_url},
                                                    {"api_version", &platform.api_version},
                                                    {"client_id", &platform.client_id},
                                                    {"client_secret", &platform.client_secret},
                                                    {"scopes", &platform.scopes},
                                                    {"app_name", &platform.app_name},
                                                    {"https_auth", &platform.https_auth}};
    if (field == "https_auth" && !v.empty() && v != "basic" && v != "query") {
        return FailField(key, key + ": expected basic or query");
    }
    if (auto text = texts.find(field); text != texts.end()) {
        *text->second = v;
        return {};
    }
    if (field == "rate_bucket_size" || field == "rate_restore_per_second") {
        auto parsed = ParseInteger(key, v, 0, 1000000);
        if (!parsed) {
            return tl::unexpected(parsed.error());
        }
        (field == "rate_bucket_size" ? platform.rate_bucket_size
                                     : platform.rate_restore_per_second) =
            static_cast<double>(*parsed);
        return {};
    }
    return FailField(key,
                     key +
                         ": unknown key (base_url, api_version, client_id, client_secret, "
                         "scopes, app_name, https_auth, rate_bucket_size, "
                         "rate_restore_per_second)");
}

// Every feature a flag can switch: the platforms, each on by default.
Status SetFeature(AppConfig& c, const std::string& sub_key, const std::string& v) {
    const auto dot = sub_key.find('.');
    const std::string name = sub_key.substr(0, dot);
    const std::string field = dot == std::string::npos ? "" : sub_key.substr(dot + 1);
    const std::string key = "features." + sub_key;
    if (FeatureNames().count(name) == 0) {
        return FailField(key, key + ": unknown feature '" + name + "' (the platform tags)");
    }
    if (field != "enabled") {
        return FailField(key, key + ": unknown key (enabled)");
    }
    if (v != "true" && v != "false") {
        return FailField(key, key + ": expected true or false, got '" + v + "'");
    }
    c.features.enabled[name] = v == "true";
    return {};
}

Status SetSandboxAddr(AppConfig& c, const std::string&, const std::string& v) {
    if (auto parsed = ParseHostPort(v); !parsed) {
        return FailField("sandbox.addr", "sandbox.addr: " + parsed.error().message);
    }
    c.sandbox.addr = v;
    return {};
}

// Keys of the process, its server and its storage and queues.
std::vector<ConfigKey> InfrastructureKeys() {
    using std::chrono::milliseconds;
    return {
        {"data_dir", false, SetDataDir},
        OneOf("log_level",
              {"debug", "info", "warn", "error"},
              [](AppConfig& c) -> std::string& { return c.log_level; }),
        {"http.addr", false, SetHttpAddr},
        Integer<int>(
            "http.io_threads", 1, 64, [](AppConfig& c) -> int& { return c.http.io_threads; }),
        Integer<int>("http.handler_threads",
                     1,
                     256,
                     [](AppConfig& c) -> int& { return c.http.handler_threads; }),
        Integer<size_t>("http.body_limit_bytes",
                        1024,
                        int64_t{1} << 30,
                        [](AppConfig& c) -> size_t& { return c.http.body_limit_bytes; }),
        Duration("http.header_timeout",
                 [](AppConfig& c) -> milliseconds& { return c.http.header_timeout; }),
        Duration("http.body_timeout",
                 [](AppConfig& c) -> milliseconds& { return c.http.body_timeout; }),
        Duration("http.idle_timeout",
                 [](AppConfig& c) -> milliseconds& { return c.http.idle_timeout; }),
        Duration("http.shutdown_grace",
                 [](AppConfig& c) -> milliseconds& { return c.http.shutdown_grace; }),
        Text("database.url", [](AppConfig& c) -> std::string& { return c.database.url; }),
        OneOf("database.auto_migrate",
              {"auto", "true", "false"},
              [](AppConfig& c) -> std::string& { return c.database.auto_migrate; }),
        Integer<int>(
            "database.pool_size", 1, 256, [](AppConfig& c) -> int& { return c.storage.pool_size; }),
        Duration("database.busy_timeout",
                 [](AppConfig& c) -> milliseconds& { return c.storage.busy_timeout; }),
        Duration("database.connect_timeout",
                 [](AppConfig& c) -> milliseconds& { return c.storage.connect_timeout; }),
        Text("redis.url", [](AppConfig& c) -> std::string& { return c.redis_url; }),
        Duration("outbox.retention",
                 [](AppConfig& c) -> milliseconds& { return c.outbox_retention; }),
        OneOf("queue.backend",
              {"sqlite", "sqs"},
              [](AppConfig& c) -> std::string& { return c.queue.backend; }),
        Text("queue.sqs.endpoint",
             [](AppConfig& c) -> std::string& { return c.queue.sqs_endpoint; }),
        Text("queue.sqs.region", [](AppConfig& c) -> std::string& { return c.queue.sqs_region; }),
        Text("queue.sqs.access_key_id",
             [](AppConfig& c) -> std::string& { return c.queue.sqs_access_key_id; }),
        Text("queue.sqs.secret_access_key",
             [](AppConfig& c) -> std::string& { return c.queue.sqs_secret_access_key; }),
        Text("queue.name_prefix", [](AppConfig& c) -> std::string& { return c.queue.name_prefix; }),
        Integer<int>("queue.max_receives",
                     1,
                     1000,
                     [](AppConfig& c) -> int& { return c.queue.max_receives; }),
        Duration("queue.visibility_timeout",
                 [](AppConfig& c) -> milliseconds& { return c.queue.visibility_timeout; }),
        Flag("queue.create_on_migrate",
             [](AppConfig& c) -> bool& { return c.queue.create_on_migrate; }),
    };
}

// Keys of syncs, workers, authentication, security and platforms.
std::vector<ConfigKey> BehaviourKeys() {
    using std::chrono::milliseconds;
    return {
        {"sync.freeze_times", true, SetFreezeTime},
        {"sync.batch_sizes", true, SetBatchSize},
        Duration("sync.overlap", [](AppConfig& c) -> milliseconds& { return c.sync.overlap; }),
        Duration("sync.reconcile_interval",
                 [](AppConfig& c) -> milliseconds& { return c.sync.reconcile_interval; }),
        Text("worker.groups", [](AppConfig& c) -> std::string& { return c.worker.groups; }),
        Integer<int>("worker.concurrency",
                     1,
                     256,
                     [](AppConfig& c) -> int& { return c.worker.concurrency; }),
        {"worker.queue_concurrency", true, SetQueueConcurrency},
        Duration("worker.shutdown_grace",
                 [](AppConfig& c) -> milliseconds& { return c.worker.shutdown_grace; }),
        Duration("worker.retry_base",
                 [](AppConfig& c) -> milliseconds& { return c.worker.retry_base; }),
        Duration("worker.retry_cap",
                 [](AppConfig& c) -> milliseconds& { return c.worker.retry_cap; }),
        Text("auth.admin_token", [](AppConfig& c) -> std::string& { return c.auth.admin_token; }),
        {"auth.seller_tokens", true, SetSellerToken},
        Text("security.master_key",
             [](AppConfig& c) -> std::string& { return c.security.master_key; }),
        Flag("security.allow_private_store_urls",
             [](AppConfig& c) -> bool& { return c.security.allow_private_store_urls; }),
        {"platforms", true, SetPlatform},
        {"features", true, SetFeature},
        Text("public_url", [](AppConfig& c) -> std::string& { return c.public_url; }),
        {"sandbox.addr", false, SetSandboxAddr},
    };
}

std::vector<ConfigKey> BuildKeys() {
    auto keys = InfrastructureKeys();
    auto more = BehaviourKeys();
    keys.insert(
        keys.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    return keys;
}

}  // namespace

const std::vector<ConfigKey>& ConfigKeys() {
    static const std::vector<ConfigKey> kKeys = BuildKeys();
    return kKeys;
}

const std::vector<std::pair<std::string, std::string>>& ConfigEnvAliases() {
    static const std::vector<std::pair<std::string, std::string>> kAliases{
        {"SCS_SQS_ENDPOINT", "queue.sqs.endpoint"},
        {"AWS_REGION", "queue.sqs.region"},
        {"AWS_ACCESS_KEY_ID", "queue.sqs.access_key_id"},
        {"AWS_SECRET_ACCESS_KEY", "queue.sqs.secret_access_key"},
        {"SCS_API_TOKEN", "auth.admin_token"},
        {"SCS_MASTER_KEY", "security.master_key"},
        {"SCS_SANDBOX_ADDR", "sandbox.addr"},
    };
    return kAliases;
}

const std::set<std::string>& FeatureNames() {
    return PlatformTags();
}

}  // namespace scs
