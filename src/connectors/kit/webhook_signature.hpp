#pragma once

#include <string>
#include <string_view>
#include <vector>

// Webhook signatures as the platforms make them: an HMAC-SHA256 of the raw body, sent base64 or
// hex encoded, under one of several secrets while a rotation settles. Pure; thread-safe.
namespace scs::kit {

enum class SignatureEncoding { kBase64, kHexLower };

// True when `signature` is the HMAC-SHA256 of `raw_body` keyed with one of `secrets` (empty
// secrets are skipped; an empty signature never verifies). Every secret is compared in constant
// time, and all are tried even after a match, so the time taken does not say which one signed.
// Must see the body bytes exactly as received.
[[nodiscard]] bool VerifyHmacSha256(std::string_view raw_body,
                                    std::string_view signature,
                                    const std::vector<std::string>& secrets,
                                    SignatureEncoding encoding);

}  // namespace scs::kit
