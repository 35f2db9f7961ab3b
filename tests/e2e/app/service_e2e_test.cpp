// The real binary on its embedded defaults (SQLite in a temp data dir), driven over HTTP.
#include <csignal>
#include <fstream>
#include <regex>
#include <thread>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

using testing::HttpCall;
using testing::HttpCallAuthed;

constexpr const char* kToken = "e2e-admin-token-0123456789";
// A recognisable master key: base64 of 32 bytes of 'M'.
constexpr const char* kMasterKey = "k1:TU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU0=";

std::smatch MatchVersion(const std::string& output) {
    static const std::regex kVersion(R"(schema version (\d+) of (\d+))");
    std::smatch match;
    std::regex_search(output, match, kVersion);
    return match;
}

class ServiceE2E : public ::testing::Test {
protected:
    std::map<std::string, std::string> Env() const {
        return {{"SCS_DATA_DIR", (dir_.Path() / "data").string()},
                {"SCS_HTTP_ADDR", "127.0.0.1:" + std::to_string(port_)},
                {"SCS_API_TOKEN", kToken},
                {"SCS_MASTER_KEY", kMasterKey},
                {"SCS_LOG_LEVEL", "debug"}};
    }

    std::unique_ptr<testing::ChildProcess> Start(const std::vector<std::string>& args = {"all"}) {
        auto child =
            std::make_unique<testing::ChildProcess>(testing::ScsBinary(), args, Env(), dir_.Path());
        EXPECT_TRUE(testing::WaitForHttp(port_)) << child->Stderr();
        return child;
    }

    testing::TempDir dir_;
    int port_ = testing::FreePort();
};

// features.woocommerce.enabled=false (here from the environment): the platform stays in the
// catalogue, marked off, and its webhook, install and key-exchange routes answer 404.
TEST_F(ServiceE2E, ASwitchedOffPlatformHasNoRoutes) {
    auto env = Env();
    env["SCS_FEATURES_WOOCOMMERCE_ENABLED"] = "false";
    testing::ChildProcess scs(testing::ScsBinary(), {"all"}, env, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();

    auto catalogue = HttpCallAuthed(port_, kToken, "GET", "/api/v1/sales_channels");
    ASSERT_EQ(catalogue.status, 200) << catalogue.body;
    std::map<std::string, std::pair<bool, bool>> platforms;  // tag -> (enabled, available)
    const auto parsed = boost::json::parse(catalogue.body);
    for (const auto& entry : parsed.at("data").as_array()) {
        platforms[std::string(entry.at("tag").as_string())] = {entry.at("enabled").as_bool(),
                                                               entry.at("available").as_bool()};
    }
    EXPECT_EQ(platforms["woocommerce"], std::make_pair(false, false));
    EXPECT_EQ(platforms["shopify"], std::make_pair(true, true));

    EXPECT_EQ(HttpCall(port_,
                       "POST",
                       "/internal/v1/sales_channels/webhooks/woocommerce",
                       {{"X-WC-Webhook-Topic", "order.updated"}},
                       "{}")
                  .status,
              404);
    EXPECT_EQ(HttpCallAuthed(port_,
                             kToken,
                             "GET",
                             "/api/v1/sales_channels/woocommerce/install?seller_id=s&store_url="
                             "https://shop.example.com")
                  .status,
              404);
    EXPECT_EQ(HttpCall(port_, "POST", "/api/v1/sales_channels/woocommerce/keys", {}, "{}").status,
              404);
    EXPECT_EQ(HttpCall(port_, "GET", "/api/v1/sales_channels/woocommerce/installed").status, 404);
    // Shopify's stay: its webhook route reads the delivery (here: a header is missing).
    EXPECT_EQ(
        HttpCall(port_, "POST", "/internal/v1/sales_channels/webhooks/shopify", {}, "{}").status,
        400);
    auto connect =
        HttpCallAuthed(port_,
                       kToken,
                       "POST",
                       "/api/v1/sellers/s1/sales_channels",
                       R"({"platform":"woocommerce","store_id":"https://shop.example.com",
                                      "credentials":{"consumer_key":"ck","consumer_secret":"cs"}})");
    EXPECT_EQ(connect.status, 501) << connect.body;
    EXPECT_NE(connect.body.find("switched off"), std::string::npos) << connect.body;
    EXPECT_EQ(scs.Stop(SIGTERM), 0);
}

TEST_F(ServiceE2E, ServesHealthMetricsAndTheApi) {
    auto scs = Start();
    auto health = HttpCall(port_, "GET", "/health");
    ASSERT_EQ(health.status, 200) << health.body;
    const auto checks = boost::json::parse(health.body).at("checks");
    EXPECT_TRUE(checks.at("database").at("ok").as_bool());
    EXPECT_TRUE(checks.at("queue").at("ok").as_bool());
    EXPECT_TRUE(health.Header("X-Request-Id").has_value());

    EXPECT_EQ(HttpCall(port_, "GET", "/api/v1/sales_channels").status, 401);
    auto catalogue = HttpCallAuthed(port_, kToken, "GET", "/api/v1/sales_channels");
    ASSERT_EQ(catalogue.status, 200);
    EXPECT_EQ(boost::json::parse(catalogue.body).at("data").as_array().size(), 6U);

    auto unknown = HttpCall(port_, "GET", "/nope");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(boost::json::parse(unknown.body).at("code").as_string(), "NOT_FOUND");
    auto wrong_method = HttpCall(port_, "DELETE", "/health");
    EXPECT_EQ(wrong_method.status, 405);
    EXPECT_EQ(boost::json::parse(wrong_method.body).at("code").as_string(), "METHOD_NOT_ALLOWED");

    auto metrics = HttpCall(port_, "GET", "/metrics");
    ASSERT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("scs_build_info"), std::string::npos);
    EXPECT_NE(metrics.body.find("scs_http_requests_total"), std::string::npos);
    EXPECT_NE(metrics.body.find("process_resident_memory_bytes"), std::string::npos);
    EXPECT_EQ(scs->Stop(SIGTERM), 0);
}

TEST_F(ServiceE2E, ConnectingAPlatformWithoutConnectorIsAClearError) {
    auto scs = Start();
    auto r = HttpCallAuthed(port_,
                            kToken,
                            "POST",
                            "/api/v1/sellers/s1/sales_channels",
                            R"({"platform":"salla","store_id":"1234509876",
                                "credentials":{"access_token":"shpat_secret_value_123"}})");
    EXPECT_EQ(r.status, 501);
    EXPECT_EQ(boost::json::parse(r.body).at("code").as_string(), "NOT_IMPLEMENTED");
    EXPECT_EQ(scs->Stop(SIGTERM), 0);
    EXPECT_EQ(scs->Stderr().find("shpat_secret_value_123"), std::string::npos);
}

TEST_F(ServiceE2E, SigtermShutsDownCleanlyAndLogsAreJsonWithoutSecrets) {
    auto scs = Start();
    HttpCallAuthed(port_, kToken, "GET", "/api/v1/sales_channels");
    HttpCall(port_,
             "GET",
             "/api/v1/sales_channels",
             {{"Authorization", std::string("Bearer ") + kToken + "x"}});
    EXPECT_EQ(scs->Stop(SIGTERM), 0);
    const std::string logs = scs->Stderr();
    EXPECT_NE(logs.find("\"msg\":\"serving\""), std::string::npos) << logs;
    EXPECT_NE(logs.find("\"msg\":\"stopped\""), std::string::npos) << logs;
    EXPECT_EQ(logs.find(kToken), std::string::npos);
    EXPECT_EQ(logs.find("TU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU0="), std::string::npos);
    std::istringstream lines(logs);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        boost::system::error_code ec;
        const auto json = boost::json::parse(line, ec);
        EXPECT_FALSE(ec) << "not JSON: " << line;
        if (!ec) {
            EXPECT_TRUE(json.as_object().contains("time"));
            EXPECT_TRUE(json.as_object().contains("level"));
            EXPECT_TRUE(json.as_object().contains("logger"));
        }
        ++count;
    }
    EXPECT_GT(count, 3);
}

TEST_F(ServiceE2E, SigintAlsoShutsDownCleanly) {
    auto scs = Start({"serve"});
    EXPECT_EQ(scs->Stop(SIGINT), 0);
}

TEST_F(ServiceE2E, SeedSpellingStartsTheServer) {
    auto scs = Start({"-mode=http"});
    EXPECT_EQ(HttpCall(port_, "GET", "/health").status, 200);
    EXPECT_EQ(scs->Stop(SIGTERM), 0);
}

TEST_F(ServiceE2E, GeneratesAnApiTokenWhenNoneIsConfigured) {
    auto env = Env();
    env.erase("SCS_API_TOKEN");
    testing::ChildProcess scs(testing::ScsBinary(), {"all"}, env, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    const auto file = dir_.Path() / "data" / "api-token";
    ASSERT_TRUE(std::filesystem::exists(file));
    EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    std::string token;
    std::getline(std::ifstream(file), token);
    EXPECT_EQ(HttpCallAuthed(port_, token, "GET", "/api/v1/sales_channels").status, 200);
    EXPECT_EQ(scs.Stop(SIGTERM), 0);
    EXPECT_EQ(scs.Stderr().find(token), std::string::npos);
}

TEST_F(ServiceE2E, MasterKeyFileIsCreatedPrivate) {
    auto env = Env();
    env.erase("SCS_MASTER_KEY");
    testing::ChildProcess scs(testing::ScsBinary(), {"all"}, env, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    const auto file = dir_.Path() / "data" / "master.key";
    ASSERT_TRUE(std::filesystem::exists(file));
    EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    EXPECT_EQ(scs.Stop(SIGTERM), 0);
}

TEST_F(ServiceE2E, InvalidConfigurationStopsStartUpNamingTheKey) {
    auto env = Env();
    env["SCS_HTTP_ADDR"] = "not-an-address";
    auto [code, output] = testing::RunScs({"serve"}, env, dir_.Path());
    EXPECT_EQ(code, 2);
    EXPECT_NE(output.find("SCS_HTTP_ADDR"), std::string::npos) << output;

    const auto file = dir_.Path() / "bad.yaml";
    std::ofstream(file) << "http:\n  adr: 1\n";
    auto [code2, output2] =
        testing::RunScs({"--config", file.string(), "serve"}, Env(), dir_.Path());
    EXPECT_EQ(code2, 2);
    EXPECT_NE(output2.find("http.adr"), std::string::npos) << output2;
}

TEST_F(ServiceE2E, MigrateCommandsAndSchemaCheck) {
    auto env = Env();
    auto [up, up_out] = testing::RunScs({"migrate", "up"}, env, dir_.Path());
    ASSERT_EQ(up, 0) << up_out;
    // "schema version N of N (sqlite)": at the latest after up, one step back after down.
    const std::smatch version = MatchVersion(up_out);
    ASSERT_FALSE(version.empty()) << up_out;
    EXPECT_EQ(version[1], version[2]) << up_out;
    const int latest = std::stoi(version[2]);
    auto [down, down_out] =
        testing::RunScs({"-mode=migration", "-migrationType=down"}, env, dir_.Path());
    ASSERT_EQ(down, 0) << down_out;
    EXPECT_NE(down_out.find("schema version " + std::to_string(latest - 1) + " of " +
                            std::to_string(latest)),
              std::string::npos)
        << down_out;

    // A schema that is behind is refused when auto-migration is off...
    env["SCS_DATABASE_AUTO_MIGRATE"] = "false";
    auto [refused, refused_out] = testing::RunScs({"serve"}, env, dir_.Path());
    EXPECT_EQ(refused, 1);
    EXPECT_NE(refused_out.find("scs migrate up"), std::string::npos) << refused_out;
    // ...and brought up to date by the embedded default.
    env.erase("SCS_DATABASE_AUTO_MIGRATE");
    testing::ChildProcess scs(testing::ScsBinary(), {"serve"}, env, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    EXPECT_EQ(scs.Stop(SIGTERM), 0);

    auto [force, force_out] = testing::RunScs({"migrate", "force", "0"}, env, dir_.Path());
    EXPECT_EQ(force, 0) << force_out;
    EXPECT_NE(force_out.find("schema version 0"), std::string::npos) << force_out;
}

TEST_F(ServiceE2E, HelpAndVersion) {
    auto [help, help_out] = testing::RunScs({"--help"}, {}, dir_.Path());
    EXPECT_EQ(help, 0);
    EXPECT_NE(help_out.find("migrate"), std::string::npos);
    auto [version, version_out] = testing::RunScs({"--version"}, {}, dir_.Path());
    EXPECT_EQ(version, 0);
    EXPECT_EQ(version_out.rfind("scs ", 0), 0U) << version_out;
    auto [bad, bad_out] = testing::RunScs({"frobnicate"}, {}, dir_.Path());
    EXPECT_EQ(bad, 2);
}

}  // namespace
}  // namespace scs
