#include "jobs/sqs/sqs_client.hpp"

#include <array>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include <boost/json/parse.hpp>
#include <curl/curl.h>

namespace scs {
namespace {

// Idle handles kept beyond this are closed: enough for the worker threads of one process.
constexpr size_t kMaxIdleHandles = 16;

struct CurlDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};

using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;

struct HeaderListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

struct TypeCode {
    std::string_view type;
    ErrorCode code;
};

// SQS error types (after "com.amazonaws.sqs#") that callers act on.
constexpr std::array<TypeCode, 9> kTypeCodes = {{
    {"QueueDoesNotExist", ErrorCode::kNotFound},
    {"AWS.SimpleQueueService.NonExistentQueue", ErrorCode::kNotFound},
    {"ReceiptHandleIsInvalid", ErrorCode::kNotFound},
    {"MessageNotInflight", ErrorCode::kConflict},
    {"AWS.SimpleQueueService.MessageNotInflight", ErrorCode::kConflict},
    {"QueueNameExists", ErrorCode::kConflict},
    {"QueueAlreadyExists", ErrorCode::kConflict},
    {"RequestThrottled", ErrorCode::kRateLimited},
    {"ThrottlingException", ErrorCode::kRateLimited},
}};

ErrorCode CodeFor(long status, std::string_view type) {
    const size_t hash = type.rfind('#');
    const std::string_view name = hash == std::string_view::npos ? type : type.substr(hash + 1);
    for (const TypeCode& known : kTypeCodes) {
        if (known.type == name) {
            return known.code;
        }
    }
    if (status == 429) {
        return ErrorCode::kRateLimited;
    }
    return status >= 500 ? ErrorCode::kUnavailable : ErrorCode::kBadRequest;
}

// SQS JSON errors look like {"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"…"}.
Error ServiceError(long status, const std::string& body) {
    std::string type = "HTTP " + std::to_string(status);
    std::string message;
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(body, ec);
    if (!ec && parsed.is_object()) {
        if (const auto* t = parsed.as_object().if_contains("__type");
            t != nullptr && t->is_string()) {
            type = std::string(t->as_string());
        }
        for (const char* key : {"message", "Message"}) {
            if (const auto* m = parsed.as_object().if_contains(key);
                m != nullptr && m->is_string()) {
                message = std::string(m->as_string());
            }
        }
    }
    return Error{CodeFor(status, type),
                 "sqs: " + type + (message.empty() ? "" : ": " + message),
                 {},
                 std::nullopt};
}

}  // namespace

// Idle curl handles; each keeps its connection cache, so calls reuse keep-alive connections.
class SqsClient::HandlePool {
public:
    HandlePool() = default;
    HandlePool(const HandlePool&) = delete;
    HandlePool& operator=(const HandlePool&) = delete;
    HandlePool(HandlePool&&) = delete;
    HandlePool& operator=(HandlePool&&) = delete;
    ~HandlePool() = default;

    CurlHandle Acquire() {
        {
            std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                CurlHandle handle = std::move(idle_.back());
                idle_.pop_back();
                curl_easy_reset(handle.get());
                return handle;
            }
        }
        return CurlHandle(curl_easy_init());
    }

    void Release(CurlHandle handle) {
        std::lock_guard lock(mutex_);
        if (idle_.size() < kMaxIdleHandles) {
            idle_.push_back(std::move(handle));
        }
    }

private:
    std::mutex mutex_;
    std::vector<CurlHandle> idle_;
};

SqsClient::SqsClient(SqsSettings settings)
    : settings_(std::move(settings)), handles_(std::make_shared<HandlePool>()) {
    if (settings_.endpoint.empty()) {
        settings_.endpoint = "https://sqs." + settings_.region + ".amazonaws.com";
    }
}

Result<std::string> SqsClient::Call(std::string_view action, std::string_view json_body) const {
    return Call(action, json_body, settings_.timeout);
}

Result<std::string> SqsClient::Call(std::string_view action,
                                    std::string_view json_body,
                                    std::chrono::milliseconds timeout) const {
    CurlHandle curl = handles_->Acquire();
    if (!curl) {
        return Fail(ErrorCode::kInternal, "sqs: curl_easy_init failed");
    }
    const std::string target = "X-Amz-Target: AmazonSQS." + std::string(action);
    std::unique_ptr<curl_slist, HeaderListDeleter> headers(
        curl_slist_append(nullptr, "Content-Type: application/x-amz-json-1.0"));
    curl_slist_append(headers.get(), target.c_str());
    const std::string sigv4 = "aws:amz:" + settings_.region + ":sqs";
    const std::string userpwd = settings_.access_key_id + ":" + settings_.secret_access_key;
    const std::string body(json_body);
    std::string response;
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, settings_.endpoint.c_str());
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(handle, CURLOPT_AWS_SIGV4, sigv4.c_str());
    curl_easy_setopt(handle, CURLOPT_USERPWD, userpwd.c_str());
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, AppendBody);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response);
    const CURLcode rc = curl_easy_perform(handle);
    if (rc != CURLE_OK) {
        // A failed transfer may leave the connection half-used: do not keep the handle.
        const ErrorCode code =
            rc == CURLE_OPERATION_TIMEDOUT ? ErrorCode::kTimeout : ErrorCode::kUnavailable;
        return Fail(code, "sqs at " + settings_.endpoint + ": " + curl_easy_strerror(rc));
    }
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    handles_->Release(std::move(curl));
    if (status != 200) {
        return tl::unexpected(ServiceError(status, response));
    }
    return response;
}

Status SqsClient::Ping() const {
    auto response = Call("ListQueues", R"({"MaxResults":1})");
    if (!response) {
        return tl::unexpected(response.error());
    }
    return {};
}

}  // namespace scs
