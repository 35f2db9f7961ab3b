#include "http/internal/message_conversion.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>

#include "http/request_id.hpp"

namespace scs::http_internal {
namespace {

namespace beast_http = boost::beast::http;

constexpr std::array<std::string_view, 9> kServerOwnedHeaders = {"Connection",
                                                                 "Content-Length",
                                                                 "Content-Type",
                                                                 "Date",
                                                                 "Keep-Alive",
                                                                 "Server",
                                                                 "Transfer-Encoding",
                                                                 "Upgrade",
                                                                 "X-Request-Id"};

bool IsServerOwned(std::string_view name) {
    return std::any_of(kServerOwnedHeaders.begin(),
                       kServerOwnedHeaders.end(),
                       [name](std::string_view owned) { return HeaderNameEquals(owned, name); });
}

// RFC 9110 token characters.
bool IsTokenChar(char c) {
    static constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           kSymbols.find(c) != std::string_view::npos;
}

bool IsSafeHeader(std::string_view name, std::string_view value) {
    return !name.empty() && std::all_of(name.begin(), name.end(), IsTokenChar) &&
           value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool MayHaveBody(int status) {
    return status >= 200 && status != 204 && status != 304;
}

}  // namespace

Status CopyRequestHeader(const BeastRequestHeader& header, HttpRequest& request) {
    request.method = std::string(header.method_string());
    request.target = std::string(header.target());
    request.headers.clear();
    for (const auto& field : header) {
        request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.request_id = ResolveRequestId(request.Header("X-Request-Id"));
    return ParseRequestTarget(header.target(), request);
}

BeastResponse ToBeastResponse(HttpResponse&& response, const ResponseFraming& framing) {
    BeastResponse out;
    out.version(framing.version);
    out.result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : response.headers) {
        if (!IsServerOwned(name) && IsSafeHeader(name, value)) {
            out.insert(name, value);
        }
    }
    out.set(beast_http::field::server, "scs");
    out.set(beast_http::field::date, HttpDate(std::chrono::system_clock::now()));
    out.set("X-Request-Id", framing.request_id);
    out.keep_alive(framing.keep_alive);
    if (!MayHaveBody(response.status)) {
        return out;
    }
    if (!response.body.empty() && IsSafeHeader("Content-Type", response.content_type)) {
        out.set(beast_http::field::content_type, response.content_type);
    }
    out.content_length(response.body.size());
    if (!framing.head_request) {
        out.body() = std::move(response.body);
    }
    return out;
}

std::string HttpDate(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    // Spelled out rather than strftime("%a"), which follows the process locale.
    static constexpr std::array<const char*, 7> kDays = {
        "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::array<char, 32> text{};
    std::snprintf(text.data(),
                  text.size(),
                  "%s, %02d %s %04d %02d:%02d:%02d GMT",
                  kDays.at(static_cast<size_t>(utc.tm_wday)),
                  utc.tm_mday,
                  kMonths.at(static_cast<size_t>(utc.tm_mon)),
                  utc.tm_year + 1900,
                  utc.tm_hour,
                  utc.tm_min,
                  utc.tm_sec);
    return text.data();
}

}  // namespace scs::http_internal
