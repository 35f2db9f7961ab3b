#include "contract_platform.hpp"

#include <thread>
#include <utility>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace scs::testing {
namespace {

// Hands every request to `inner` and reports each answer to `record` first.
class RecordingHttpClient final : public HttpClient {
public:
    RecordingHttpClient(std::shared_ptr<HttpClient> inner,
                        std::function<void(RecordedAnswer)> record)
        : inner_(std::move(inner)), record_(std::move(record)) {}

    Result<OutboundResponse> Send(const OutboundRequest& request) override {
        auto response = inner_->Send(request);
        if (response) {
            record_(RecordedAnswer{response->status,
                                   std::string(response->Header("Retry-After").value_or(""))});
        }
        return response;
    }

private:
    std::shared_ptr<HttpClient> inner_;
    std::function<void(RecordedAnswer)> record_;
};

}  // namespace

std::function<void(std::chrono::milliseconds)> ContractRecorder::SleepHook(bool real) const {
    return [log = log_, real](std::chrono::milliseconds wait) {
        {
            const std::lock_guard lock(log->mutex);
            log->sleeps.push_back(wait);
        }
        if (real) {
            std::this_thread::sleep_for(wait);
        }
    };
}

std::shared_ptr<HttpClient> ContractRecorder::HttpClientHook() const {
    return std::make_shared<RecordingHttpClient>(MakeCurlHttpClient(),
                                                 [log = log_](RecordedAnswer answer) {
                                                     const std::lock_guard lock(log->mutex);
                                                     log->answers.push_back(std::move(answer));
                                                 });
}

std::vector<std::chrono::milliseconds> ContractRecorder::Sleeps() const {
    const std::lock_guard lock(log_->mutex);
    return log_->sleeps;
}

std::vector<RecordedAnswer> ContractRecorder::Answers() const {
    const std::lock_guard lock(log_->mutex);
    return log_->answers;
}

void SandboxContractPlatform::FailWithServerErrors() {
    Knobs({{"error_rate", 1}});
}

void SandboxContractPlatform::DelayAnswers(std::chrono::milliseconds latency) {
    Knobs({{"latency_ms", latency.count()}});
}

void SandboxContractPlatform::CutAnswersShort() {
    Knobs({{"malformed_json", true}});
}

void SandboxContractPlatform::Knobs(const boost::json::object& knobs) const {
    const auto patched = sandbox_.Call(
        "PATCH", "/_sandbox/stores/" + store_ + "/knobs", boost::json::serialize(knobs));
    EXPECT_EQ(patched.status, 200) << patched.raw.body;
}

ContractOrder SandboxContractPlatform::AddOrder(const std::string& body) const {
    const auto created = sandbox_.Call("POST", "/_sandbox/stores/" + store_ + "/orders", body);
    EXPECT_EQ(created.status, 201) << created.raw.body;
    if (created.status != 201) {
        return {};
    }
    const auto& order = created.body.at("orders").at(0);
    const auto& line = order.at("line_items").at(0);
    return {std::to_string(order.at("id").to_number<int64_t>()),
            {std::string(line.at("sku").as_string()), line.at("quantity").to_number<int64_t>()}};
}

}  // namespace scs::testing
