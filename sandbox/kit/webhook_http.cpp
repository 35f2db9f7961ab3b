#include "sandbox/kit/webhook_http.hpp"

#include <memory>
#include <mutex>

#include <curl/curl.h>

namespace scs::sandbox {
namespace {

constexpr long kConnectTimeoutMs = 1000;
constexpr long kTotalTimeoutMs = 5000;

size_t DiscardBody(char* /*data*/, size_t size, size_t count, void* /*user*/) {
    return size * count;
}

struct CurlDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};

struct HeaderListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

void InitWebhookHttp() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

int PostJson(const std::string& url, const HeaderList& headers, const std::string& body) {
    return PostBody(url, "application/json", headers, body);
}

int PostBody(const std::string& url,
             const std::string& content_type,
             const HeaderList& headers,
             const std::string& body) {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        return 0;
    }
    const std::string content_type_line = "Content-Type: " + content_type;
    curl_slist* raw_list = curl_slist_append(nullptr, content_type_line.c_str());
    for (const auto& [name, value] : headers) {
        std::string line = name;
        line += ": ";
        line += value;
        raw_list = curl_slist_append(raw_list, line.c_str());
    }
    std::unique_ptr<curl_slist, HeaderListDeleter> list(raw_list);
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, list.get());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, kTotalTimeoutMs);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, DiscardBody);
    if (curl_easy_perform(handle) != CURLE_OK) {
        return 0;
    }
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    return static_cast<int>(status);
}

}  // namespace scs::sandbox
