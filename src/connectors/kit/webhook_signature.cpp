#include "connectors/kit/webhook_signature.hpp"

#include "security/crypto.hpp"

namespace scs::kit {

bool VerifyHmacSha256(std::string_view raw_body,
                      std::string_view signature,
                      const std::vector<std::string>& secrets,
                      SignatureEncoding encoding) {
    if (signature.empty()) {
        return false;
    }
    bool verified = false;
    for (const auto& secret : secrets) {
        if (secret.empty()) {
            continue;
        }
        const std::string mac = HmacSha256(secret, raw_body);
        const std::string expected =
            encoding == SignatureEncoding::kBase64 ? Base64Encode(mac) : HexEncode(mac);
        verified = ConstantTimeEquals(expected, signature) || verified;
    }
    return verified;
}

}  // namespace scs::kit
