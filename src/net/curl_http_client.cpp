#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include <curl/curl.h>

#include "net/address_policy.hpp"
#include "net/http_client.hpp"

namespace scs {
namespace {

using EasyHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderSlist = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

std::string_view TrimSpace(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                             text.back() == '\n')) {
        text.remove_suffix(1);
    }
    return text;
}

// libcurl reports the headers of every response it reads (100 Continue, then the final one):
// a status line starts a new set, so only the final response's headers remain.
size_t AppendHeader(char* data, size_t size, size_t count, void* user) {
    auto* headers = static_cast<HeaderList*>(user);
    const std::string_view line(data, size * count);
    if (line.rfind("HTTP/", 0) == 0) {
        headers->clear();
        return size * count;
    }
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
        headers->emplace_back(std::string(TrimSpace(line.substr(0, colon))),
                              std::string(TrimSpace(line.substr(colon + 1))));
    }
    return size * count;
}

// The URL for a message: without its query, which may carry credentials or signatures
// (WooCommerce's consumer_key/consumer_secret or OAuth 1.0a parameters).
std::string UrlForMessage(const std::string& url) {
    return url.substr(0, url.find('?'));
}

Error TransportError(CURLcode code, const std::string& url) {
    std::string message =
        "HTTP call to " + UrlForMessage(url) + " failed: " + curl_easy_strerror(code);
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
            return Error{ErrorCode::kTimeout, std::move(message), {}, std::nullopt};
        case CURLE_URL_MALFORMAT:
        case CURLE_UNSUPPORTED_PROTOCOL:
            return Error{ErrorCode::kBadRequest, std::move(message), {}, std::nullopt};
        default:
            return Error{ErrorCode::kUnavailable, std::move(message), {}, std::nullopt};
    }
}

HeaderSlist BuildHeaders(const OutboundRequest& request) {
    HeaderSlist list(nullptr, &curl_slist_free_all);
    // An empty Expect stops libcurl waiting for "100 Continue" on larger bodies.
    curl_slist* raw = curl_slist_append(nullptr, "Expect:");
    for (const auto& [name, value] : request.headers) {
        std::string line = name;
        line.append(": ").append(value);
        raw = curl_slist_append(raw, line.c_str());
    }
    list.reset(raw);
    return list;
}

void SetMethodAndBody(CURL* easy, const OutboundRequest& request) {
    if (request.method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        return;
    }
    if (request.method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
        return;
    }
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(
        easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
}

// CURLOPT_OPENSOCKETFUNCTION for public_only requests: refuses a non-public peer before the
// socket exists and remembers that it did, so the caller gets kBadRequest saying why, not "cannot
// connect".
curl_socket_t OpenPublicSocket(void* refused, curlsocktype /*purpose*/, curl_sockaddr* address) {
    if (!IsPublicAddress(&address->addr)) {
        *static_cast<bool*>(refused) = true;
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

// One easy handle per call: no state is shared between threads, so the client needs no lock.
class CurlHttpClient final : public HttpClient {
public:
    CurlHttpClient() {
        static std::once_flag init;
        std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    }

    Result<OutboundResponse> Send(const OutboundRequest& request) override {
        EasyHandle easy(curl_easy_init(), &curl_easy_cleanup);
        if (!easy) {
            return Fail(ErrorCode::kInternal, "curl_easy_init failed");
        }
        OutboundResponse response;
        const HeaderSlist headers = BuildHeaders(request);
        Configure(easy.get(), request, headers.get(), response);
        bool refused = false;
        if (request.public_only) {
            curl_easy_setopt(easy.get(), CURLOPT_OPENSOCKETFUNCTION, &OpenPublicSocket);
            curl_easy_setopt(easy.get(), CURLOPT_OPENSOCKETDATA, &refused);
        }
        const CURLcode code = curl_easy_perform(easy.get());
        if (refused) {
            return Fail(ErrorCode::kBadRequest,
                        "HTTP call to " + UrlForMessage(request.url) +
                            " refused: the host resolves to a private, loopback or link-local "
                            "address");
        }
        if (code != CURLE_OK) {
            return tl::unexpected(TransportError(code, request.url));
        }
        long status = 0;
        curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
        response.status = static_cast<int>(status);
        return response;
    }

private:
    static void Configure(CURL* easy,
                          const OutboundRequest& request,
                          curl_slist* headers,
                          OutboundResponse& response) {
        curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(
            easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
        curl_easy_setopt(
            easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &AppendBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &response.body);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &AppendHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, &response.headers);
        SetMethodAndBody(easy, request);
    }
};

}  // namespace

std::shared_ptr<HttpClient> MakeCurlHttpClient() {
    return std::make_shared<CurlHttpClient>();
}

}  // namespace scs
