#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "connectors/kit/platform_call.hpp"
#include "connectors/woocommerce/woocommerce_auth.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "net/http_client.hpp"
#include "state/state_store.hpp"

namespace scs {

// The REST API root under a store URL (pretty permalinks; ?rest_route= sites are not supported).
inline constexpr std::string_view kWooCommerceApi = "/wp-json/wc/v3";

using WooCommerceSleep = std::function<void(std::chrono::milliseconds)>;

// How the REST layer talks to stores; read from the connector's settings.
struct WooCommerceRestSettings {
    WooCommerceHttpsAuth https_auth = WooCommerceHttpsAuth::kBasic;
    double requests_per_second = 5;             // the per-store budget shared by every worker
    double burst = 5;                           // the budget's bucket size
    int max_attempts = 4;                       // 429/503 answers waited out within one call
    std::chrono::milliseconds max_wait{30000};  // total waiting (budget, 429/503) per call
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds total_timeout{30000};
    bool public_only = true;  // refuse private and loopback addresses (OutboundRequest)
};

// The shared services the REST layer uses; all outlive it.
struct WooCommerceRestDeps {
    HttpClient& http;
    StateStore* state;  // null: no shared budget (nothing paces the calls)
    WooCommerceSleep sleep;
    std::function<OAuthStamp()> stamp;  // a fresh nonce and the current time per request
};

// One answer of a store, as far as it could be read.
struct WooCommerceReply {
    int status = 0;
    HeaderList headers;
    boost::json::value body;  // null when the body is empty or not JSON
    bool json = false;        // the body parsed as JSON
    bool html = false;        // an HTML page (a firewall, maintenance mode, a theme's 404)
    std::string error_code;   // a WordPress error body's "code"
    std::string error_message;

    // X-WP-TotalPages, when sent and numeric.
    std::optional<int64_t> TotalPages() const;
};

// Calls one store's REST API (`store_url` + path) with its key: signs every attempt afresh (a
// new OAuth nonce), draws each request from the store's token bucket "woocommerce:<store_url>"
// in the StateStore (so all workers together stay under requests_per_second), and waits out
// 429 and 503 answers (Retry-After in seconds, else 1, 2, 4 … s) within max_attempts and
// max_wait, after which the call fails kRateLimited with retry_after. Owned by one connector
// call; not thread-safe.
//
// Errors of Get/Post/Put (the connector rule): 401/403 with a WordPress error body ->
// kInvalidCredentials (WooCommerce's message, never a key); 404 -> kNotFound; 400 and other 4xx
// -> kBadRequest; 409 -> kConflict; 413 -> kPayloadTooLarge; 3xx -> kBadRequest naming the
// redirect; other 5xx, or any non-JSON error body (HTML from a firewall) -> kUnavailable; a 2xx
// whose body is HTML -> kUnavailable, otherwise unparseable -> kInvalidPayload; transport
// failures as HttpClient reports them (kTimeout, kUnavailable, kBadRequest).
class WooCommerceRest {
public:
    WooCommerceRest(WooCommerceRestDeps deps,
                    WooCommerceRestSettings settings,
                    std::string store_url,
                    WooCommerceKeys keys);

    [[nodiscard]] Result<WooCommerceReply> Get(std::string_view path,
                                               const WooCommerceQuery& query = {});
    [[nodiscard]] Result<WooCommerceReply> Post(std::string_view path,
                                                const boost::json::value& body);
    [[nodiscard]] Result<WooCommerceReply> Put(std::string_view path,
                                               const boost::json::value& body);

    // Any answer that is not waited out, whatever its status, for callers that read a 404
    // themselves. Errors: transport failures, the budget, kRateLimited.
    [[nodiscard]] Result<WooCommerceReply> Exchange(std::string_view method,
                                                    std::string_view path,
                                                    const WooCommerceQuery& query,
                                                    const std::string& body);

    // The error of a reply that is not a usable 2xx answer, by the rule above.
    Error ErrorOf(const WooCommerceReply& reply) const;

    const std::string& StoreUrl() const { return store_url_; }

private:
    [[nodiscard]] Result<WooCommerceReply> Call(std::string_view method,
                                                std::string_view path,
                                                const WooCommerceQuery& query,
                                                const std::string& body);
    // How long the store's shared token bucket asks to wait (0: go now).
    [[nodiscard]] Result<std::chrono::milliseconds> Draw();
    [[nodiscard]] Result<OutboundResponse> SendOnce(std::string_view method,
                                                    const std::string& url,
                                                    const std::string& body);
    std::string Redacted(std::string text) const;

    WooCommerceRestDeps deps_;
    WooCommerceRestSettings settings_;
    std::string store_url_;
    WooCommerceKeys keys_;
    kit::CallPolicy policy_;
};

// Small readers of WooCommerce JSON objects: a missing or mistyped member reads as empty.
std::string WooString(const boost::json::value& object, std::string_view key);
std::optional<int64_t> WooInt(const boost::json::value& object, std::string_view key);

}  // namespace scs
