#include "connectors/woocommerce/woocommerce_rest.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <limits>
#include <utility>

#include <boost/json.hpp>

namespace scs {
namespace {

constexpr auto kFirstBackoff = std::chrono::milliseconds(1000);
constexpr auto kMaxBackoff = std::chrono::milliseconds(16000);
constexpr size_t kMaxMessage = 300;

// What WooCommerce's HTTP statuses mean besides 5xx; any other failed status is kBadRequest.
constexpr std::array<kit::StatusErrorRow, 5> kStatusErrors{{
    {401, ErrorCode::kInvalidCredentials},
    {403, ErrorCode::kInvalidCredentials},
    {404, ErrorCode::kNotFound},
    {409, ErrorCode::kConflict},
    {413, ErrorCode::kPayloadTooLarge},
}};

bool IsWait(int status) {
    return status == 429 || status == 503;
}

bool LooksLikeHtml(const OutboundResponse& response) {
    const auto type = response.Header("Content-Type");
    if (type && type->find("text/html") != std::string_view::npos) {
        return true;
    }
    const auto first = std::find_if_not(response.body.begin(), response.body.end(), [](char c) {
        return std::isspace(static_cast<unsigned char>(c)) != 0;
    });
    return first != response.body.end() && *first == '<';
}

// A UTF-8 byte-order mark before the JSON is a common WordPress plugin accident.
std::string_view WithoutBom(std::string_view body) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    return body.substr(0, kBom.size()) == kBom ? body.substr(kBom.size()) : body;
}

WooCommerceReply ReadReply(OutboundResponse response) {
    WooCommerceReply reply;
    reply.status = response.status;
    reply.html = LooksLikeHtml(response);
    boost::system::error_code error;
    boost::json::value body = boost::json::parse(WithoutBom(response.body), error);
    reply.json = !error;
    if (reply.json) {
        reply.body = std::move(body);
        reply.error_code = WooString(reply.body, "code");
        reply.error_message = WooString(reply.body, "message");
    }
    reply.headers = std::move(response.headers);
    return reply;
}

std::string Describe(const WooCommerceReply& reply) {
    std::string text = "HTTP " + std::to_string(reply.status);
    if (!reply.error_code.empty()) {
        text += " " + reply.error_code;
    }
    if (!reply.error_message.empty()) {
        text += ": " + reply.error_message;
    }
    return text;
}

}  // namespace

std::optional<int64_t> WooCommerceReply::TotalPages() const {
    const auto value = FindHeader(headers, "X-WP-TotalPages");
    int64_t pages = 0;
    if (!value) {
        return std::nullopt;
    }
    const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), pages);
    if (error != std::errc() || end != value->data() + value->size()) {
        return std::nullopt;
    }
    return pages;
}

WooCommerceRest::WooCommerceRest(WooCommerceRestDeps deps,
                                 WooCommerceRestSettings settings,
                                 std::string store_url,
                                 WooCommerceKeys keys)
    : deps_(std::move(deps)),
      settings_(settings),
      store_url_(std::move(store_url)),
      keys_(std::move(keys)),
      policy_{settings_.max_attempts,
              settings_.max_wait,
              deps_.sleep,
              "this store's request budget is spent",
              [](int status) {
                  return "the WooCommerce store (or its host) kept answering HTTP " +
                         std::to_string(status) + "; try again later";
              }} {}

Result<WooCommerceReply> WooCommerceRest::Get(std::string_view path,
                                              const WooCommerceQuery& query) {
    return Call("GET", path, query, {});
}

Result<WooCommerceReply> WooCommerceRest::Post(std::string_view path,
                                               const boost::json::value& body) {
    return Call("POST", path, {}, boost::json::serialize(body));
}

Result<WooCommerceReply> WooCommerceRest::Put(std::string_view path,
                                              const boost::json::value& body) {
    return Call("PUT", path, {}, boost::json::serialize(body));
}

Result<WooCommerceReply> WooCommerceRest::Call(std::string_view method,
                                               std::string_view path,
                                               const WooCommerceQuery& query,
                                               const std::string& body) {
    auto reply = Exchange(method, path, query, body);
    if (!reply) {
        return reply;
    }
    const bool success = reply->status >= 200 && reply->status < 300;
    if (success && reply->json) {
        return reply;
    }
    if (success && !reply->html) {
        return Fail(ErrorCode::kInvalidPayload,
                    "WooCommerce answered " + std::string(method) + " " + std::string(path) +
                        " with a body that is not JSON");
    }
    return tl::unexpected(ErrorOf(*reply));
}

Result<WooCommerceReply> WooCommerceRest::Exchange(std::string_view method,
                                                   std::string_view path,
                                                   const WooCommerceQuery& query,
                                                   const std::string& body) {
    std::string url = store_url_ + std::string(path);
    if (!query.empty()) {
        url += "?" + FormatQueryString(query);
    }
    return kit::RunPlatformCall<WooCommerceReply>(
        policy_,
        [this] { return Draw(); },
        [&] { return SendOnce(method, url, body); },
        [](OutboundResponse&& response, int attempt) {
            if (!IsWait(response.status)) {
                return kit::Attempt<WooCommerceReply>{ReadReply(std::move(response))};
            }
            return kit::Attempt<WooCommerceReply>{
                WooCommerceReply{},
                kit::RetryAfterOr(response, kit::Backoff(attempt, kFirstBackoff, kMaxBackoff))};
        });
}

Result<std::chrono::milliseconds> WooCommerceRest::Draw() {
    if (deps_.state == nullptr) {
        return std::chrono::milliseconds(0);
    }
    auto drawn = deps_.state->TryTake("woocommerce:" + store_url_,
                                      std::max(1.0, settings_.burst),
                                      settings_.requests_per_second,
                                      1);
    if (!drawn) {
        return tl::unexpected(drawn.error());
    }
    return drawn->granted ? std::chrono::milliseconds(0)
                          : std::max(drawn->retry_after, std::chrono::milliseconds(1));
}

Result<OutboundResponse> WooCommerceRest::SendOnce(std::string_view method,
                                                   const std::string& url,
                                                   const std::string& body) {
    auto authorized = AuthorizeWooCommerceRequest(
        method, url, keys_, settings_.https_auth, deps_.stamp ? deps_.stamp() : OAuthStamp{});
    if (!authorized) {
        return tl::unexpected(authorized.error());
    }
    OutboundRequest request;
    request.method = std::string(method);
    request.url = std::move(authorized->url);
    request.headers = std::move(authorized->headers);
    request.headers.emplace_back("Accept", "application/json");
    if (!body.empty()) {
        request.headers.emplace_back("Content-Type", "application/json");
        request.body = body;
    }
    request.connect_timeout = settings_.connect_timeout;
    request.total_timeout = settings_.total_timeout;
    request.public_only = settings_.public_only;
    return deps_.http.Send(request);
}

Error WooCommerceRest::ErrorOf(const WooCommerceReply& reply) const {
    const std::string what = Redacted(Describe(reply)).substr(0, kMaxMessage);
    if (reply.status >= 300 && reply.status < 400) {
        const auto location = FindHeader(reply.headers, "Location");
        return Error{ErrorCode::kBadRequest,
                     "the store redirected (" + what + ") to " +
                         (location ? Redacted(std::string(*location)) : "another URL") +
                         "; connect the URL it redirects to",
                     "store_id",
                     std::nullopt};
    }
    if (!reply.json || reply.html) {
        return Error{ErrorCode::kUnavailable,
                     "the store answered " + what +
                         " with a page that is not the REST API's JSON (a firewall, maintenance "
                         "mode, or a site without pretty permalinks)",
                     {},
                     std::nullopt};
    }
    const ErrorCode code =
        kit::ErrorCodeOfStatus(reply.status, kStatusErrors, ErrorCode::kBadRequest);
    if (code == ErrorCode::kInvalidCredentials) {
        // The controllers' own check answers when no key arrived at all: over https with Basic
        // auth, the host dropped the Authorization header (woocommerce/woocommerce#17271).
        const bool stripped = reply.error_code == "woocommerce_rest_cannot_view" &&
                              settings_.https_auth == WooCommerceHttpsAuth::kBasic &&
                              store_url_.rfind("https://", 0) == 0;
        return Error{code,
                     "WooCommerce refused the API key (" + what + ")" +
                         (stripped ? "; if the host strips the Authorization header, set "
                                     "platforms.woocommerce.https_auth: query"
                                   : ""),
                     {},
                     std::nullopt};
    }
    return Error{code, "WooCommerce answered " + what, {}, std::nullopt};
}

std::string WooCommerceRest::Redacted(std::string text) const {
    for (const std::string& secret : {keys_.consumer_secret, keys_.consumer_key}) {
        if (secret.empty()) {
            continue;
        }
        for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
            text.replace(at, secret.size(), "[REDACTED]");
        }
    }
    return text;
}

std::string WooString(const boost::json::value& object, std::string_view key) {
    const auto* found = object.is_object() ? object.get_object().if_contains(key) : nullptr;
    return found != nullptr && found->is_string() ? std::string(found->get_string()) : "";
}

std::optional<int64_t> WooInt(const boost::json::value& object, std::string_view key) {
    const auto* found = object.is_object() ? object.get_object().if_contains(key) : nullptr;
    if (found == nullptr) {
        return std::nullopt;
    }
    if (found->is_int64()) {
        return found->get_int64();
    }
    if (found->is_uint64() &&
        found->get_uint64() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return static_cast<int64_t>(found->get_uint64());
    }
    if (!found->is_string()) {
        return std::nullopt;
    }
    const auto& text = found->get_string();
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace scs
