#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/headers.hpp"
#include "core/result.hpp"

namespace scs {

// One outbound HTTP call. Plain data.
struct OutboundRequest {
    std::string method = "GET";
    std::string url;  // absolute: http:// or https://
    HeaderList headers;
    std::string body;
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds total_timeout{30000};
    // Connect only to public addresses (net/address_policy.hpp), checked on the address libcurl
    // actually connects to, so a host that re-resolves to a private one later is still refused:
    // set for URLs a user supplied (WooCommerce sites). A refusal is kBadRequest saying so.
    bool public_only = false;
};

// What the server answered, whatever the status. Plain data.
struct OutboundResponse {
    int status = 0;
    HeaderList headers;  // of the final response, in the order received
    std::string body;

    // The first header with this name, compared case-insensitively.
    std::optional<std::string_view> Header(std::string_view name) const;
};

// Sends HTTP requests to other services (platform APIs). Any status the server answers is a
// success here; callers map statuses to errors and decide retries (the client never retries).
// Transport failures: kTimeout when a timeout expired, kUnavailable when the server could not
// be reached or the connection broke, kBadRequest for a malformed URL, also when
// `public_only` refused the address. Implementations are
// thread-safe: one client is shared by every connector of the process.
class HttpClient {
public:
    virtual ~HttpClient() = default;

    [[nodiscard]] virtual Result<OutboundResponse> Send(const OutboundRequest& request) = 0;
};

// The libcurl client: one easy handle per call, TLS peers verified, redirects not followed.
// Created by the composition root; thread-safe.
std::shared_ptr<HttpClient> MakeCurlHttpClient();

}  // namespace scs
