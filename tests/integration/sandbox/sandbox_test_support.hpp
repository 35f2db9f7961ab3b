#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "http/server.hpp"
#include "sandbox/server/sandbox_server.hpp"
#include "support/http_client.hpp"

// Helpers shared by the sandbox integration tests: a started sandbox, JSON calls against it,
// and a webhook receiver that records what the sandbox delivers.
namespace scs::testing {

struct JsonResult {
    int status = 0;
    boost::json::value body;  // null when the body is not JSON
    HttpResult raw;
};

// A sandbox on a free loopback port for one test; stopped on destruction.
class SandboxFixture {
public:
    SandboxFixture();
    ~SandboxFixture();
    SandboxFixture(const SandboxFixture&) = delete;
    SandboxFixture& operator=(const SandboxFixture&) = delete;
    SandboxFixture(SandboxFixture&&) = delete;
    SandboxFixture& operator=(SandboxFixture&&) = delete;

    int Port() const { return sandbox_.Port(); }

    SandboxServer& Server() { return sandbox_; }

    JsonResult Call(const std::string& method,
                    const std::string& target,
                    const std::string& body = {},
                    const std::vector<std::pair<std::string, std::string>>& headers = {}) const;

    // POST /_sandbox/stores; the store's id.
    std::string CreateStore(const boost::json::object& spec) const;

    // POST {base}/admin/api/2025-10/graphql.json.
    JsonResult Graphql(const std::string& shop,
                       const std::string& token,
                       const std::string& query,
                       const boost::json::object& variables = {}) const;
    // The same at another API version ("2026-10").
    JsonResult GraphqlAt(const std::string& version,
                         const std::string& shop,
                         const std::string& token,
                         const std::string& query,
                         const boost::json::object& variables = {}) const;

private:
    SandboxServer sandbox_;
};

// One webhook POST as received.
struct ReceivedWebhook {
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
};

// An HttpServer that records every POST /hooks; answers `fail_first` requests with 500 first.
class WebhookReceiver {
public:
    explicit WebhookReceiver(int fail_first = 0);
    ~WebhookReceiver();
    WebhookReceiver(const WebhookReceiver&) = delete;
    WebhookReceiver& operator=(const WebhookReceiver&) = delete;
    WebhookReceiver(WebhookReceiver&&) = delete;
    WebhookReceiver& operator=(WebhookReceiver&&) = delete;

    std::string Url() const;
    // Waits until at least `count` requests arrived (or the timeout); returns what arrived.
    std::vector<ReceivedWebhook> WaitFor(
        size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(5));
    std::vector<ReceivedWebhook> Received();

private:
    struct State {
        std::mutex mutex;
        std::condition_variable arrived;
        std::vector<ReceivedWebhook> received;
        int fail_first = 0;
    };

    std::shared_ptr<State> state_ = std::make_shared<State>();
    std::unique_ptr<HttpServer> server_;
};

// Percent-decoding of a query-string component ('+' stays '+').
std::string PercentDecode(const std::string& text);

// The query parameters of a URL, decoded.
std::map<std::string, std::string> QueryParams(const std::string& url);

}  // namespace scs::testing
