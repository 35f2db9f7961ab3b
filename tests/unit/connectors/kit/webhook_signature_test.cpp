#include "connectors/kit/webhook_signature.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace scs::kit {
namespace {

constexpr std::string_view kBody = R"({"id":1,"note":"مرحبا"})";

std::string Base64Of(std::string_view secret, std::string_view body) {
    return Base64Encode(HmacSha256(secret, body));
}

TEST(WebhookSignature, VerifiesBase64WithAnyOfTheSecrets) {
    const std::vector<std::string> secrets{"current", "previous"};
    EXPECT_TRUE(
        VerifyHmacSha256(kBody, Base64Of("current", kBody), secrets, SignatureEncoding::kBase64));
    EXPECT_TRUE(
        VerifyHmacSha256(kBody, Base64Of("previous", kBody), secrets, SignatureEncoding::kBase64));
    EXPECT_FALSE(
        VerifyHmacSha256(kBody, Base64Of("other", kBody), secrets, SignatureEncoding::kBase64));
}

TEST(WebhookSignature, VerifiesLowerCaseHex) {
    const std::string hex = HexEncode(HmacSha256("s", kBody));
    EXPECT_TRUE(VerifyHmacSha256(kBody, hex, {"s"}, SignatureEncoding::kHexLower));
    // The same MAC in the other encoding is not the signature.
    EXPECT_FALSE(VerifyHmacSha256(kBody, hex, {"s"}, SignatureEncoding::kBase64));
}

TEST(WebhookSignature, AChangedBodyOrAnEmptySignatureOrSecretNeverVerifies) {
    const std::string signature = Base64Of("s", kBody);
    EXPECT_FALSE(
        VerifyHmacSha256(std::string(kBody) + " ", signature, {"s"}, SignatureEncoding::kBase64));
    EXPECT_FALSE(VerifyHmacSha256(kBody, "", {"s"}, SignatureEncoding::kBase64));
    // An empty secret is skipped, even when the signature was made with it.
    EXPECT_FALSE(VerifyHmacSha256(kBody, Base64Of("", kBody), {""}, SignatureEncoding::kBase64));
    EXPECT_FALSE(VerifyHmacSha256(kBody, signature, {}, SignatureEncoding::kBase64));
}

}  // namespace
}  // namespace scs::kit
