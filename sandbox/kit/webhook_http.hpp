#pragma once

#include <string>
#include <utility>
#include <vector>

// The sandbox's own outbound HTTP: one blocking JSON POST over libcurl with Shopify's delivery
// timeouts (1 s to connect, 5 s in all). Thread-safe once InitWebhookHttp() has run.
namespace scs::sandbox {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Process-wide libcurl set-up; safe to call many times and from many threads.
void InitWebhookHttp();

// The receiver's HTTP status, or 0 when no answer came (refused, timed out, bad URL).
int PostJson(const std::string& url, const HeaderList& headers, const std::string& body);

// The same POST with another Content-Type (the WooCommerce sandbox's form-encoded pings and its
// "application/json;charset=UTF-8" key-exchange callbacks). Redirects are not followed.
int PostBody(const std::string& url,
             const std::string& content_type,
             const HeaderList& headers,
             const std::string& body);

}  // namespace scs::sandbox
