#include "sandbox_test_support.hpp"

#include <cctype>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace scs::testing {

namespace json = boost::json;

SandboxFixture::SandboxFixture() {
    if (auto started = sandbox_.Start(); !started) {
        ADD_FAILURE() << "sandbox did not start: " << started.error().message;
    }
}

SandboxFixture::~SandboxFixture() {
    sandbox_.Stop();
}

JsonResult SandboxFixture::Call(
    const std::string& method,
    const std::string& target,
    const std::string& body,
    const std::vector<std::pair<std::string, std::string>>& headers) const {
    auto all_headers = headers;
    all_headers.emplace_back("Content-Type", "application/json");
    JsonResult result;
    result.raw = HttpCall(Port(), method, target, all_headers, body);
    result.status = result.raw.status;
    boost::system::error_code error;
    result.body = json::parse(result.raw.body, error);
    if (error) {
        result.body = nullptr;
    }
    return result;
}

std::string SandboxFixture::CreateStore(const json::object& spec) const {
    auto created = Call("POST", "/_sandbox/stores", json::serialize(spec));
    EXPECT_EQ(created.status, 201) << created.raw.body;
    return created.body.is_object() ? std::string(created.body.at("id").as_string()) : "";
}

JsonResult SandboxFixture::Graphql(const std::string& shop,
                                   const std::string& token,
                                   const std::string& query,
                                   const json::object& variables) const {
    return GraphqlAt("2025-10", shop, token, query, variables);
}

JsonResult SandboxFixture::GraphqlAt(const std::string& version,
                                     const std::string& shop,
                                     const std::string& token,
                                     const std::string& query,
                                     const json::object& variables) const {
    const json::object body{{"query", query}, {"variables", variables}};
    return Call("POST",
                "/shopify/" + shop + "/admin/api/" + version + "/graphql.json",
                json::serialize(body),
                {{"X-Shopify-Access-Token", token}});
}

WebhookReceiver::WebhookReceiver(int fail_first) {
    state_->fail_first = fail_first;
    Router router;
    router.Add("POST", "/hooks", [state = state_](HttpRequest& request) {
        ReceivedWebhook hook;
        for (const auto& [name, value] : request.headers) {
            std::string lower = name;
            for (auto& c : lower) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            hook.headers[lower] = value;
        }
        hook.body = request.body;
        const std::lock_guard lock(state->mutex);
        state->received.push_back(std::move(hook));
        state->arrived.notify_all();
        const bool fail = state->fail_first > 0;
        state->fail_first -= fail ? 1 : 0;
        return HttpResponse{fail ? 500 : 200, "text/plain", {}, "ok"};
    });
    HttpServerConfig config;
    config.host = "127.0.0.1";
    config.port = 0;
    config.shutdown_grace = std::chrono::milliseconds(500);
    server_ = std::make_unique<HttpServer>(config, std::move(router), nullptr);
    if (auto started = server_->Start(); !started) {
        ADD_FAILURE() << "receiver did not start: " << started.error().message;
    }
}

WebhookReceiver::~WebhookReceiver() {
    server_->Shutdown();
}

std::string WebhookReceiver::Url() const {
    return "http://127.0.0.1:" + std::to_string(server_->Port()) + "/hooks";
}

std::vector<ReceivedWebhook> WebhookReceiver::WaitFor(size_t count,
                                                      std::chrono::milliseconds timeout) {
    std::unique_lock lock(state_->mutex);
    state_->arrived.wait_for(lock, timeout, [&] { return state_->received.size() >= count; });
    return state_->received;
}

std::vector<ReceivedWebhook> WebhookReceiver::Received() {
    const std::lock_guard lock(state_->mutex);
    return state_->received;
}

std::string PercentDecode(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out.push_back(static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::map<std::string, std::string> QueryParams(const std::string& url) {
    std::map<std::string, std::string> params;
    const size_t question = url.find('?');
    std::string rest = question == std::string::npos ? "" : url.substr(question + 1);
    while (!rest.empty()) {
        const size_t amp = rest.find('&');
        const std::string pair = rest.substr(0, amp);
        const size_t equals = pair.find('=');
        params[PercentDecode(pair.substr(0, equals))] =
            equals == std::string::npos ? "" : PercentDecode(pair.substr(equals + 1));
        rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
    }
    return params;
}

}  // namespace scs::testing
