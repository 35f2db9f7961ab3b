#include "app/config.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "app/config_keys.hpp"

namespace scs {
namespace {

using Flat = std::vector<std::pair<std::string, std::string>>;

// Replaces ${VAR} and ${VAR:-default} with values from the environment (unset -> empty).
Result<std::string> Substitute(const std::string& key,
                               const std::string& value,
                               const EnvLookup& env) {
    std::string out;
    size_t pos = 0;
    while (pos < value.size()) {
        const auto start = value.find("${", pos);
        if (start == std::string::npos) {
            out += value.substr(pos);
            break;
        }
        const auto end = value.find('}', start);
        if (end == std::string::npos) {
            return FailField(key, key + ": unterminated ${ in value");
        }
        out += value.substr(pos, start - pos);
        const std::string expr = value.substr(start + 2, end - start - 2);
        const auto sep = expr.find(":-");
        const std::string name = expr.substr(0, sep);
        const auto found = env(name);
        if (found && !found->empty()) {
            out += *found;
        } else if (sep != std::string::npos) {
            out += expr.substr(sep + 2);
        }
        pos = end + 1;
    }
    return out;
}

std::string JoinPath(const std::string& path, const std::string& name) {
    return path.empty() ? name : path + "." + name;
}

Status FlattenSequence(const YAML::Node& node, const std::string& path, Flat& out) {
    std::string joined;
    for (const auto& item : node) {
        if (!item.IsScalar()) {
            return FailField(path, path + ": expected a list of plain values");
        }
        if (!joined.empty()) {
            joined += ",";
        }
        joined += item.as<std::string>();
    }
    out.emplace_back(path, joined);
    return {};
}

// Turns the YAML tree into dotted paths with scalar values; lists become comma-separated.
Status Flatten(const YAML::Node& node, const std::string& path, Flat& out) {
    if (node.IsMap()) {
        for (const auto& item : node) {
            auto status = Flatten(item.second, JoinPath(path, item.first.as<std::string>()), out);
            if (!status) {
                return status;
            }
        }
        return {};
    }
    if (node.IsSequence()) {
        return FlattenSequence(node, path, out);
    }
    out.emplace_back(path, node.IsScalar() ? node.as<std::string>() : std::string());
    return {};
}

const ConfigKey* FindKey(const std::string& path, std::string& sub_key) {
    for (const auto& key : ConfigKeys()) {
        if (!key.prefix && key.path == path) {
            sub_key.clear();
            return &key;
        }
        if (key.prefix && path.size() > key.path.size() + 1 && path.rfind(key.path + ".", 0) == 0) {
            sub_key = path.substr(key.path.size() + 1);
            return &key;
        }
    }
    return nullptr;
}

Status Apply(AppConfig& config, const std::string& path, const std::string& value) {
    std::string sub_key;
    const ConfigKey* key = FindKey(path, sub_key);
    if (key == nullptr) {
        return FailField(path,
                         path + ": unknown configuration key (config/example.yaml lists them all)");
    }
    return key->set(config, sub_key, value);
}

Status ApplyFile(AppConfig& config,
                 const std::filesystem::path& file,
                 const EnvLookup& env,
                 std::set<std::string>& set_keys) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& e) {
        return Fail(ErrorCode::kBadRequest, "config file " + file.string() + ": " + e.what());
    }
    if (root.IsNull()) {
        return {};
    }
    if (!root.IsMap()) {
        return Fail(ErrorCode::kBadRequest,
                    "config file " + file.string() + ": expected a mapping at the top");
    }
    Flat flat;
    if (auto status = Flatten(root, "", flat); !status) {
        return status;
    }
    for (const auto& [path, raw] : flat) {
        auto value = Substitute(path, raw, env);
        if (!value) {
            return tl::unexpected(value.error());
        }
        if (auto status = Apply(config, path, *value); !status) {
            return status;
        }
        set_keys.insert(path);
    }
    return {};
}

std::string EnvNameFor(const std::string& path) {
    std::string name = "SCS_" + path;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) {
        return ch == '.' ? '_' : static_cast<char>(std::toupper(ch));
    });
    return name;
}

Status ApplyEnvValue(AppConfig& config,
                     const std::string& env_name,
                     const std::string& path,
                     const std::string& value) {
    auto status = Apply(config, path, value);
    if (!status) {
        status.error().message = env_name + " (" + status.error().message + ")";
    }
    return status;
}

// SCS_<PATH> for every plain key, then the aliases. AWS_* only fill keys the file left unset,
// because an explicit config should win over ambient credentials.
Status ApplyEnvironment(AppConfig& config,
                        const EnvLookup& env,
                        const std::set<std::string>& set_keys) {
    for (const auto& key : ConfigKeys()) {
        if (key.prefix) {
            continue;
        }
        const std::string name = EnvNameFor(key.path);
        if (auto value = env(name); value && !value->empty()) {
            if (auto status = ApplyEnvValue(config, name, key.path, *value); !status) {
                return status;
            }
        }
    }
    for (const auto& feature : FeatureNames()) {
        const std::string path = "features." + feature + ".enabled";
        const std::string name = EnvNameFor(path);
        if (auto value = env(name); value && !value->empty()) {
            if (auto status = ApplyEnvValue(config, name, path, *value); !status) {
                return status;
            }
        }
    }
    for (const auto& [name, path] : ConfigEnvAliases()) {
        auto value = env(name);
        const bool ambient = name.rfind("AWS_", 0) == 0;
        if (!value || value->empty() || (ambient && set_keys.count(path) != 0)) {
            continue;
        }
        if (auto status = ApplyEnvValue(config, name, path, *value); !status) {
            return status;
        }
    }
    return {};
}

Status ValidateDatabase(AppConfig& config) {
    if (config.database.url.empty()) {
        config.database.url = "sqlite://" + (config.data_dir / "scs.db").string();
    }
    const auto& url = config.database.url;
    const bool sqlite = url.rfind("sqlite://", 0) == 0 && url.size() > 9;
    const bool postgres = url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
    if (!sqlite && !postgres) {
        return FailField("database.url",
                         "database.url: expected sqlite:///path or postgresql://…, got a value "
                         "with another scheme");
    }
    return {};
}

Status ValidateQueue(AppConfig& config) {
    if (config.queue.backend == "sqs") {
        if (config.queue.sqs_region.empty()) {
            return FailField("queue.sqs.region",
                             "queue.sqs.region: required when queue.backend=sqs");
        }
        if (config.queue.sqs_access_key_id.empty() || config.queue.sqs_secret_access_key.empty()) {
            return FailField("queue.sqs.access_key_id",
                             "queue.sqs.access_key_id and queue.sqs.secret_access_key: required "
                             "when queue.backend=sqs (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)");
        }
        if (config.queue.sqs_endpoint.empty()) {
            config.queue.sqs_endpoint = "https://sqs." + config.queue.sqs_region + ".amazonaws.com";
        }
    }
    if (config.queue.backend == "sqlite" && !config.UsesSqlite()) {
        return FailField("queue.backend",
                         "queue.backend: sqlite queues live in the SQLite database; with "
                         "database.url on PostgreSQL set queue.backend=sqs");
    }
    return {};
}

Status ValidateWorkerGroups(const AppConfig& config) {
    static const std::set<std::string> kGroups{"orders", "products", "inventory", "webhooks"};
    std::stringstream groups(config.worker.groups);
    std::string group;
    while (std::getline(groups, group, ',')) {
        if (kGroups.count(group) == 0) {
            return FailField("worker.groups",
                             "worker.groups: unknown group '" + group +
                                 "' (orders, products, inventory, webhooks)");
        }
    }
    return {};
}

Status Validate(AppConfig& config, ConfigUse use) {
    if (auto status = ValidateDatabase(config); !status) {
        return status;
    }
    if (!config.redis_url.empty() && config.redis_url.rfind("redis://", 0) != 0) {
        return FailField("redis.url", "redis.url: expected redis://host:port[/db]");
    }
    if (config.redis_url.empty() && !config.UsesSqlite() && use != ConfigUse::kMigrate) {
        return FailField("redis.url",
                         "redis.url: required when database.url is PostgreSQL (sync state, "
                         "leases and rate budgets live in Redis there)");
    }
    if (auto status = ValidateQueue(config); !status) {
        return status;
    }
    if (config.worker.retry_base.count() <= 0 ||
        config.worker.retry_cap < config.worker.retry_base) {
        return FailField(
            "worker.retry_cap",
            "worker.retry_base must be positive and worker.retry_cap at least as long");
    }
    return ValidateWorkerGroups(config);
}

}  // namespace

std::filesystem::path AppConfig::SqlitePath() const {
    return database.url.substr(std::string("sqlite://").size());
}

std::string AppConfig::PublicUrl() const {
    if (!public_url.empty()) {
        return public_url.back() == '/' ? public_url.substr(0, public_url.size() - 1) : public_url;
    }
    const bool any_address = http.host.empty() || http.host == "0.0.0.0" || http.host == "::";
    const std::string host = any_address ? "127.0.0.1" : http.host;
    const bool ipv6 = host.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(http.port);
}

bool AppConfig::AutoMigrate() const {
    return database.auto_migrate == "true" || (database.auto_migrate == "auto" && UsesSqlite());
}

EnvLookup ProcessEnvironment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value =
            std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): read at start-up
        if (value == nullptr) {
            return std::nullopt;
        }
        return std::string(value);
    };
}

Result<AppConfig> LoadConfig(const std::optional<std::filesystem::path>& file,
                             const EnvLookup& env,
                             ConfigUse use) {
    AppConfig config;
    std::set<std::string> set_keys;
    if (file) {
        if (auto status = ApplyFile(config, *file, env, set_keys); !status) {
            return tl::unexpected(status.error());
        }
    }
    if (auto status = ApplyEnvironment(config, env, set_keys); !status) {
        return tl::unexpected(status.error());
    }
    if (auto status = Validate(config, use); !status) {
        return tl::unexpected(status.error());
    }
    return config;
}

std::vector<std::string> ConfigKeyPaths() {
    std::vector<std::string> paths;
    for (const auto& key : ConfigKeys()) {
        paths.push_back(key.path);
    }
    return paths;
}

}  // namespace scs
