#include "contract_platform.hpp"

#include <thread>
#include <utility>

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

}  // namespace scs::testing
