#include "jobs/sqs/sqs_client.hpp"

#include <memory>

#include <boost/json/parse.hpp>
#include <curl/curl.h>

namespace scs {
namespace {

struct CurlDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};

struct HeaderListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
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
    const ErrorCode code =
        status >= 500 || status == 429 ? ErrorCode::kUnavailable : ErrorCode::kBadRequest;
    return Error{code, "sqs: " + type + (message.empty() ? "" : ": " + message), {}, std::nullopt};
}

}  // namespace

Result<std::string> SqsClient::Call(std::string_view action, std::string_view json_body) const {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
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
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, AppendBody);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response);
    const CURLcode rc = curl_easy_perform(handle);
    if (rc != CURLE_OK) {
        const ErrorCode code =
            rc == CURLE_OPERATION_TIMEDOUT ? ErrorCode::kTimeout : ErrorCode::kUnavailable;
        return Fail(code, "sqs at " + settings_.endpoint + ": " + curl_easy_strerror(rc));
    }
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
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
