#include "app/config.hpp"

#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "app/config_keys.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

std::filesystem::path WriteFile(const testing::TempDir& dir, const std::string& text) {
    auto path = dir.Path() / "config.yaml";
    std::ofstream(path) << text;
    return path;
}

TEST(Config, EmbeddedDefaults) {
    auto config = LoadConfig(std::nullopt, FakeEnv({}));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->http.port, 8081);
    EXPECT_EQ(config->database.url, "sqlite://data/scs.db");
    EXPECT_TRUE(config->UsesSqlite());
    EXPECT_EQ(config->SqlitePath(), "data/scs.db");
    EXPECT_TRUE(config->AutoMigrate());
    EXPECT_EQ(config->queue.backend, "sqlite");
    EXPECT_EQ(config->sync.freeze_times.at("products"), std::chrono::minutes(5));
    EXPECT_EQ(config->sync.freeze_times.at("orders"), std::chrono::minutes(2));
    EXPECT_EQ(config->sync.freeze_times.at("inventory"), std::chrono::minutes(1));
    EXPECT_EQ(config->sync.freeze_times.at("returns"), std::chrono::minutes(10));
    EXPECT_EQ(config->sync.batch_sizes.at("orders"), 50);
    EXPECT_EQ(config->sync.batch_sizes.at("products"), 100);
    EXPECT_EQ(config->sync.batch_sizes.at("inventory"), 200);
}

TEST(Config, FileValuesWithSubstitution) {
    testing::TempDir dir;
    const auto file = WriteFile(dir,
                                "http:\n  addr: 127.0.0.1:${PORT}\n"
                                "database:\n  url: ${DB:-postgresql://db/scs}\n"
                                "redis:\n  url: redis://r:6379/0\n"
                                "worker:\n  queue_concurrency:\n    fetch-orders.fifo: 8\n"
                                "queue:\n  backend: sqs\n  sqs:\n    access_key_id: a\n"
                                "    secret_access_key: b\n"
                                "sync:\n  freeze_times:\n    orders: 30s\n");
    auto config = LoadConfig(file, FakeEnv({{"PORT", "9000"}}));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->http.host, "127.0.0.1");
    EXPECT_EQ(config->http.port, 9000);
    EXPECT_EQ(config->database.url, "postgresql://db/scs");
    EXPECT_FALSE(config->AutoMigrate());
    EXPECT_EQ(config->queue.sqs_endpoint, "https://sqs.us-east-1.amazonaws.com");
    EXPECT_EQ(config->sync.freeze_times.at("orders"), std::chrono::seconds(30));
    EXPECT_EQ(config->sync.freeze_times.at("products"), std::chrono::minutes(5));
    EXPECT_EQ(config->worker.queue_concurrency.at("fetch-orders.fifo"), 8);
}

TEST(Config, EnvironmentOverridesFile) {
    testing::TempDir dir;
    const auto file = WriteFile(dir, "http:\n  addr: 127.0.0.1:9000\nlog_level: warn\n");
    auto config = LoadConfig(file,
                             FakeEnv({{"SCS_HTTP_ADDR", "0.0.0.0:7000"},
                                      {"SCS_LOG_LEVEL", "debug"},
                                      {"SCS_DATA_DIR", "/var/lib/scs"},
                                      {"SCS_API_TOKEN", "tok"},
                                      {"SCS_MASTER_KEY", "k"},
                                      {"SCS_REDIS_URL", "redis://r:6379/2"}}));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->http.port, 7000);
    EXPECT_EQ(config->log_level, "debug");
    EXPECT_EQ(config->database.url, "sqlite:///var/lib/scs/scs.db");
    EXPECT_EQ(config->SqlitePath(), "/var/lib/scs/scs.db");
    EXPECT_EQ(config->auth.admin_token, "tok");
    EXPECT_EQ(config->security.master_key, "k");
    EXPECT_EQ(config->redis_url, "redis://r:6379/2");
}

TEST(Config, AmbientAwsVariablesDoNotBeatTheFile) {
    testing::TempDir dir;
    const auto file = WriteFile(dir, "queue:\n  sqs:\n    region: eu-west-1\n");
    auto config = LoadConfig(file,
                             FakeEnv({{"AWS_REGION", "us-west-2"},
                                      {"SCS_QUEUE_BACKEND", "sqs"},
                                      {"AWS_ACCESS_KEY_ID", "a"},
                                      {"AWS_SECRET_ACCESS_KEY", "b"},
                                      {"SCS_DATABASE_URL", "postgresql://x/y"},
                                      {"SCS_REDIS_URL", "redis://r:6379/0"},
                                      {"SCS_SQS_ENDPOINT", "http://127.0.0.1:4566"}}));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->queue.sqs_region, "eu-west-1");
    EXPECT_EQ(config->queue.sqs_endpoint, "http://127.0.0.1:4566");
    EXPECT_EQ(config->queue.sqs_access_key_id, "a");
}

struct BadCase {
    std::string yaml;
    std::string key;
};

class ConfigErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(ConfigErrors, NameTheKey) {
    testing::TempDir dir;
    const auto file = WriteFile(dir, GetParam().yaml);
    auto config = LoadConfig(file, FakeEnv({}));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find(GetParam().key), std::string::npos)
        << config.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Keys,
    ConfigErrors,
    ::testing::Values(BadCase{"http:\n  adr: x\n", "http.adr"},
                      BadCase{"http:\n  addr: nowhere\n", "http.addr"},
                      BadCase{"http:\n  addr: h:70000\n", "http.addr"},
                      BadCase{"http:\n  io_threads: 0\n", "http.io_threads"},
                      BadCase{"http:\n  idle_timeout: soon\n", "http.idle_timeout"},
                      BadCase{"log_level: loud\n", "log_level"},
                      BadCase{"database:\n  url: mysql://x\n", "database.url"},
                      BadCase{"queue:\n  backend: kafka\n", "queue.backend"},
                      BadCase{"queue:\n  backend: sqs\n", "queue.sqs.access_key_id"},
                      BadCase{"sync:\n  freeze_times:\n    carts: 1m\n", "sync.freeze_times.carts"},
                      BadCase{"sync:\n  batch_sizes:\n    orders: 0\n", "sync.batch_sizes.orders"},
                      BadCase{"worker:\n  groups: orders,emails\n", "worker.groups"},
                      BadCase{"auth:\n  seller_tokens:\n    s1: plain\n", "auth.seller_tokens.s1"},
                      BadCase{"platforms:\n  ebay:\n    base_url: x\n", "platforms.ebay"},
                      BadCase{"redis:\n  url: localhost\n", "redis.url"},
                      BadCase{"features:\n  ebay:\n    enabled: true\n", "features.ebay"},
                      BadCase{"features:\n  zid:\n    enabled: maybe\n", "features.zid.enabled"},
                      BadCase{"features:\n  zid:\n    on: true\n", "features.zid.on"},
                      BadCase{"database:\n  url: postgresql://db/scs\nqueue:\n  backend: sqs\n",
                              "redis.url"},
                      BadCase{"worker:\n  queue_concurrency:\n    emails: 2\n",
                              "worker.queue_concurrency.emails"},
                      BadCase{"worker:\n  queue_concurrency:\n    webhooks: 0\n",
                              "worker.queue_concurrency.webhooks"},
                      BadCase{"worker:\n  retry_base: 10s\n  retry_cap: 1s\n", "worker.retry_cap"},
                      BadCase{"queue:\n  create_on_migrate: maybe\n", "queue.create_on_migrate"},
                      BadCase{"security:\n  allow_private_store_urls: yes\n",
                              "security.allow_private_store_urls"},
                      BadCase{"database:\n  url: ${UNTERMINATED\n", "database.url"}));

TEST(Config, MigrateOnPostgresNeedsNoRedis) {
    const auto env = FakeEnv({{"SCS_DATABASE_URL", "postgresql://db/scs"},
                              {"SCS_QUEUE_BACKEND", "sqs"},
                              {"AWS_ACCESS_KEY_ID", "a"},
                              {"AWS_SECRET_ACCESS_KEY", "b"}});
    auto migrate = LoadConfig(std::nullopt, env, ConfigUse::kMigrate);
    ASSERT_TRUE(migrate) << migrate.error().message;
    EXPECT_TRUE(migrate->redis_url.empty());
    auto run = LoadConfig(std::nullopt, env, ConfigUse::kRun);
    ASSERT_FALSE(run);
    EXPECT_EQ(run.error().field, "redis.url");
}

TEST(Config, FeatureFlagsSwitchPlatformsOffAndDefaultOn) {
    testing::TempDir dir;
    const auto file = WriteFile(dir, "features:\n  woocommerce:\n    enabled: false\n");
    auto config = LoadConfig(file, FakeEnv({{"SCS_FEATURES_SALLA_ENABLED", "false"}}));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_FALSE(config->features.Enabled("woocommerce"));
    EXPECT_FALSE(config->features.Enabled("salla"));
    EXPECT_TRUE(config->features.Enabled("shopify"));
}

TEST(Config, EnvironmentErrorNamesTheVariable) {
    auto config = LoadConfig(std::nullopt, FakeEnv({{"SCS_HTTP_ADDR", "bad"}}));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("SCS_HTTP_ADDR"), std::string::npos);
}

TEST(Config, MalformedYamlIsAClearError) {
    testing::TempDir dir;
    const auto file = WriteFile(dir, "http: [unclosed\n");
    auto config = LoadConfig(file, FakeEnv({}));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("config.yaml"), std::string::npos);
}

// config/example.yaml documents every key and is itself a valid configuration.
TEST(Config, ExampleFileDocumentsEveryKeyAndLoads) {
    const std::filesystem::path example = testing::SourceDir() / "config" / "example.yaml";
    std::ifstream in(example);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& path : ConfigKeyPaths()) {
        const auto leaf = path.substr(path.rfind('.') + 1);
        EXPECT_NE(text.find(leaf + ":"), std::string::npos) << path << " is not in example.yaml";
    }
    auto config = LoadConfig(example, FakeEnv({}));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->platforms.at("shopify").api_version, "2026-10");
}

}  // namespace
}  // namespace scs
