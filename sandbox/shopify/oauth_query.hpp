#pragma once

#include <map>
#include <string>
#include <string_view>

// The query-string rules of Shopify's OAuth (platform notes A1.2): URLSearchParams encoding with
// spaces as %20, the canonical sorted query the `hmac` parameter signs, and form-body decoding.
// Pure, thread-safe.
namespace scs::sandbox {

// Percent-encodes everything but ASCII letters, digits and "*-._"; a space becomes %20.
std::string QueryEncode(std::string_view text);

// "k1=v1&k2=v2" over every key but hmac and signature, sorted, both sides QueryEncode'd.
std::string CanonicalQuery(const std::map<std::string, std::string>& params);

// Lower-case hex HMAC-SHA256 of CanonicalQuery(params) under `secret`.
std::string QueryHmac(const std::map<std::string, std::string>& params, std::string_view secret);

// An application/x-www-form-urlencoded body; '+' is a space, the last repeated key wins.
std::map<std::string, std::string> ParseForm(std::string_view body);

}  // namespace scs::sandbox
