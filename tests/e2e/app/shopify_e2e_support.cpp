#include "shopify_e2e_support.hpp"

#include <fstream>
#include <sstream>
#include <thread>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace scs::e2e {

using testing::HttpCall;
using testing::HttpResult;

namespace {

constexpr auto kPoll = std::chrono::milliseconds(50);

const boost::json::object& RunOf(const boost::json::value& data) {
    const auto& object = data.as_object();
    if (const auto* run = object.if_contains("run"); run != nullptr && run->is_object()) {
        return run->as_object();
    }
    return object;
}

}  // namespace

ShopifyE2E::ShopifyE2E() = default;

std::map<std::string, std::string> ShopifyE2E::Env() const {
    return {{"SCS_API_TOKEN", kToken},
            {"SCS_MASTER_KEY", kMasterKey},
            {"SCS_SANDBOX_ADDR", "127.0.0.1:" + std::to_string(sandbox_port_)},
            {"SCS_LOG_LEVEL", "info"}};
}

void ShopifyE2E::StartSandbox() {
    sandbox_ = std::make_unique<testing::ChildProcess>(
        testing::ScsBinary(), std::vector<std::string>{"sandbox"}, Env(), dir_.Path() / "sandbox");
    ASSERT_TRUE(testing::WaitForHttp(sandbox_port_)) << sandbox_->Stderr();
}

SandboxStore ShopifyE2E::CreateStore(const std::string& shop,
                                     int orders,
                                     const std::string& extra) const {
    SandboxStore store{"", shop, "shpat_" + shop.substr(0, shop.find('.')) + "_0123456789"};
    std::ostringstream body;
    body << R"({"platform":"shopify","shop":")" << shop << R"(","access_token":")"
         << store.access_token << R"(","webhook_secret":")" << kWebhookSecret << R"(","orders":)"
         << orders << R"(,"seed":42)"
         << (extra.empty() ? std::string(R"(,"plan":"plus")") : "," + extra) << "}";
    auto r = HttpCall(sandbox_port_,
                      "POST",
                      "/_sandbox/stores",
                      {{"Content-Type", "application/json"}},
                      body.str());
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status == 201) {
        store.id = std::string(Json(r).at("id").as_string());
    }
    return store;
}

void ShopifyE2E::SetKnobs(const SandboxStore& store, const std::string& knobs_json) const {
    auto r = HttpCall(sandbox_port_,
                      "PATCH",
                      "/_sandbox/stores/" + store.id + "/knobs",
                      {{"Content-Type", "application/json"}},
                      knobs_json);
    EXPECT_EQ(r.status, 200) << r.body;
}

boost::json::value ShopifyE2E::AddOrders(const SandboxStore& store, const std::string& body) const {
    auto r = HttpCall(sandbox_port_,
                      "POST",
                      "/_sandbox/stores/" + store.id + "/orders",
                      {{"Content-Type", "application/json"}},
                      body);
    EXPECT_TRUE(r.status == 200 || r.status == 201) << r.body;
    return Json(r);
}

boost::json::value ShopifyE2E::SandboxGet(const std::string& target) const {
    auto r = HttpCall(sandbox_port_, "GET", target);
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r);
}

HttpResult ShopifyE2E::SandboxSend(const std::string& method,
                                   const std::string& target,
                                   const std::string& body) const {
    return HttpCall(sandbox_port_, method, target, {{"Content-Type", "application/json"}}, body);
}

void ShopifyE2E::Configure(const std::string& extra_yaml, const std::string& shopify_yaml) {
    const auto config = dir_.Path() / "scs.yaml";
    std::ofstream(config) << "data_dir: " << (dir_.Path() / "data").string() << "\n"
                          << "http:\n  addr: 127.0.0.1:" << service_port_ << "\n"
                          << "security:\n  allow_private_store_urls: true\n"
                          << "queue:\n  visibility_timeout: 3s\n"
                          << "worker:\n  concurrency: 2\n  shutdown_grace: 5s\n"
                          << "  retry_base: 200ms\n  retry_cap: 2s\n"
                          << "platforms:\n  shopify:\n    base_url: http://127.0.0.1:"
                          << sandbox_port_ << "/shopify/{shop}\n"
                          << shopify_yaml << extra_yaml;
    config_args_ = {"--config", config.string()};
    std::vector<std::string> args = config_args_;
    args.insert(args.end(), {"migrate", "up"});
    auto [code, out] = testing::RunScs(args, Env(), dir_.Path());
    ASSERT_EQ(code, 0) << out;
}

std::unique_ptr<testing::ChildProcess> ShopifyE2E::StartService(
    const std::vector<std::string>& mode) {
    std::vector<std::string> args = config_args_;
    args.insert(args.end(), mode.begin(), mode.end());
    auto child = std::make_unique<testing::ChildProcess>(
        testing::ScsBinary(), args, Env(), dir_.Path() / ("service-" + mode.front()));
    if (mode.front() != "work") {
        EXPECT_TRUE(testing::WaitForHttp(service_port_)) << child->Stderr();
    }
    return child;
}

int64_t ShopifyE2E::Connect(const SandboxStore& store) const {
    auto r = Api("POST",
                 std::string("/api/v1/sellers/") + seller_ + "/sales_channels",
                 R"({"platform":"shopify","name":"متجر التجربة","store_id":")" + store.shop +
                     R"(","credentials":{"access_token":")" + store.access_token +
                     R"(","webhook_secret":")" + kWebhookSecret + R"("}})");
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status != 201) {
        return 0;
    }
    return Json(r).at("data").at("id").to_number<int64_t>();
}

HttpResult ShopifyE2E::Api(const std::string& method,
                           const std::string& target,
                           const std::string& body) const {
    return testing::HttpCallAuthed(service_port_, kToken, method, target, body);
}

boost::json::value ShopifyE2E::Json(const HttpResult& result) {
    boost::system::error_code ec;
    auto value = boost::json::parse(result.body, ec);
    EXPECT_FALSE(ec) << result.body;
    return ec ? boost::json::value() : value;
}

std::string ShopifyE2E::ConnectionPath(int64_t connection_id) const {
    return std::string("/api/v1/sellers/") + seller_ + "/sales_channels/" +
           std::to_string(connection_id);
}

HttpResult ShopifyE2E::TriggerSync(int64_t connection_id, const std::string& from) const {
    const std::string body =
        from.empty() ? R"({"entity":"orders"})" : R"({"entity":"orders","from":")" + from + "\"}";
    return Api("POST", ConnectionPath(connection_id) + "/syncs", body);
}

boost::json::object ShopifyE2E::WaitForRun(int64_t connection_id,
                                           int64_t run_id,
                                           std::chrono::seconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    boost::json::object run;
    while (std::chrono::steady_clock::now() < deadline) {
        auto r = Api("GET", ConnectionPath(connection_id) + "/syncs/" + std::to_string(run_id));
        if (r.status == 200) {
            run = RunOf(Json(r).at("data"));
            const auto status = std::string(run.at("status").as_string());
            if (status == "succeeded" || status == "failed") {
                return run;
            }
        }
        std::this_thread::sleep_for(kPoll);
    }
    ADD_FAILURE() << "run " << run_id << " did not finish: " << boost::json::serialize(run);
    return run;
}

std::vector<boost::json::object> ShopifyE2E::ListOrders(int64_t connection_id) const {
    std::vector<boost::json::object> orders;
    std::string cursor;
    for (int page = 0; page < 1000; ++page) {
        std::string target = std::string("/api/v1/sellers/") + seller_ +
                             "/orders?limit=200&ssc_id=" + std::to_string(connection_id);
        if (!cursor.empty()) {
            target += "&cursor=" + cursor;
        }
        auto r = Api("GET", target);
        EXPECT_EQ(r.status, 200) << r.body;
        if (r.status != 200) {
            break;
        }
        const auto data = Json(r).at("data").as_object();
        for (const auto& order : data.at("orders").as_array()) {
            orders.push_back(order.as_object());
        }
        const auto* next = data.if_contains("next_cursor");
        if (next == nullptr || !next->is_string() || next->as_string().empty()) {
            break;
        }
        cursor = std::string(next->as_string());
    }
    return orders;
}

bool ShopifyE2E::WaitForOrders(
    int64_t connection_id,
    const std::function<bool(const std::vector<boost::json::object>&)>& pred,
    std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (pred(ListOrders(connection_id))) {
            return true;
        }
        std::this_thread::sleep_for(kPoll);
    }
    return false;
}

std::string ShopifyE2E::SyncEntity(int64_t connection_id, const std::string& entity) const {
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto r = Api(
            "POST", ConnectionPath(connection_id) + "/syncs", R"({"entity":")" + entity + "\"}");
        if (r.status == 202) {
            const int64_t run_id = Json(r).at("data").at("run").at("id").to_number<int64_t>();
            return std::string(WaitForRun(connection_id, run_id, std::chrono::seconds(120))
                                   .at("status")
                                   .as_string());
        }
        EXPECT_EQ(r.status, 409) << r.body;
        if (r.status != 409) {
            return "refused";
        }
        WaitForNewestRun(connection_id, entity);
    }
    return "refused";
}

void ShopifyE2E::WaitForNewestRun(int64_t connection_id, const std::string& entity) const {
    auto runs = Api("GET", ConnectionPath(connection_id) + "/syncs?limit=1&entity=" + entity);
    EXPECT_EQ(runs.status, 200) << runs.body;
    const auto body = Json(runs);
    const auto& list = body.at("data").at("runs").as_array();
    if (!list.empty()) {
        WaitForRun(connection_id, list[0].at("id").to_number<int64_t>(), std::chrono::seconds(120));
    }
}

HttpResult ShopifyE2E::Post(const std::string& path,
                            const std::string& body,
                            const std::string& idempotency_key) const {
    std::vector<std::pair<std::string, std::string>> headers{
        {"Authorization", std::string("Bearer ") + kToken}, {"Content-Type", "application/json"}};
    if (!idempotency_key.empty()) {
        headers.emplace_back("Idempotency-Key", idempotency_key);
    }
    return HttpCall(service_port_, "POST", path, headers, body);
}

int64_t ShopifyE2E::PushInventory(int64_t connection_id, const std::string& items_json) const {
    auto r = Post(ConnectionPath(connection_id) + "/inventory", R"({"items":)" + items_json + "}");
    EXPECT_EQ(r.status, 202) << r.body;
    return r.status == 202 ? Json(r).at("data").at("push").at("id").to_number<int64_t>() : 0;
}

boost::json::object ShopifyE2E::WaitForPush(int64_t connection_id,
                                            int64_t push_id,
                                            std::chrono::seconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    boost::json::object push;
    while (std::chrono::steady_clock::now() < deadline) {
        auto r = Api("GET", ConnectionPath(connection_id) + "/pushes/" + std::to_string(push_id));
        EXPECT_EQ(r.status, 200) << r.body;
        push = r.status == 200 ? Json(r).at("data").as_object() : boost::json::object{};
        const auto state = push.empty() ? "" : std::string(push.at("state").as_string());
        if (state != "queued" && state != "running" && !state.empty()) {
            return push;
        }
        std::this_thread::sleep_for(kPoll);
    }
    ADD_FAILURE() << "push " << push_id << " did not settle: " << boost::json::serialize(push);
    return push;
}

bool ShopifyE2E::WaitForOrderStatus(int64_t connection_id,
                                    const std::string& external_id,
                                    const std::string& status) const {
    return WaitForOrders(
        connection_id,
        [&](const std::vector<boost::json::object>& orders) {
            for (const auto& order : orders) {
                if (ExternalId(order) == external_id) {
                    return order.at("status").as_string() == status;
                }
            }
            return false;
        },
        std::chrono::seconds(30));
}

double ShopifyE2E::Metric(const std::string& sample) const {
    auto r = HttpCall(service_port_, "GET", "/metrics");
    std::istringstream lines(r.body);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(sample + " ", 0) == 0) {
            return std::stod(line.substr(sample.size() + 1));
        }
    }
    return 0;
}

std::string ExternalId(const boost::json::object& order) {
    return std::string(order.at("external_id").as_string());
}

}  // namespace scs::e2e
