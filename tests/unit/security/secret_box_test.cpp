#include "security/secret_box.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace scs {
namespace {

MasterKey NewKey(std::string id) {
    return MasterKey{std::move(id), RandomBytes(32)};
}

SecretBox MakeBox(std::vector<MasterKey> keys) {
    auto box = SecretBox::Create(std::move(keys));
    EXPECT_TRUE(box) << box.error().message;
    return std::move(*box);
}

// Flips one bit of the decoded payload at `index` and re-encodes it.
SealedSecret Flip(SealedSecret sealed, size_t index) {
    std::string raw = *Base64Decode(sealed.ciphertext);
    raw[index] = static_cast<char>(raw[index] ^ 0x01);
    sealed.ciphertext = Base64Encode(raw);
    return sealed;
}

TEST(SecretBox, SealsAndOpens) {
    const SecretBox box = MakeBox({NewKey("k1")});
    const auto sealed = box.Seal(R"({"access_token":"shpat_123"})");
    ASSERT_TRUE(sealed);
    EXPECT_EQ(sealed->key_id, "k1");
    EXPECT_EQ(sealed->ciphertext.find("shpat"), std::string::npos);
    const auto raw = Base64Decode(sealed->ciphertext);
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->size(), 12U + 28U + 16U);
    EXPECT_EQ(box.Open(*sealed), R"({"access_token":"shpat_123"})");
}

TEST(SecretBox, SealsEmptyPlaintext) {
    const SecretBox box = MakeBox({NewKey("k1")});
    const auto sealed = box.Seal("");
    ASSERT_TRUE(sealed);
    EXPECT_EQ(box.Open(*sealed), "");
}

TEST(SecretBox, SamePlaintextSealsDifferently) {
    const SecretBox box = MakeBox({NewKey("k1")});
    const auto a = box.Seal("same");
    const auto b = box.Seal("same");
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->ciphertext, b->ciphertext);
    EXPECT_NE(Base64Decode(a->ciphertext)->substr(0, 12),
              Base64Decode(b->ciphertext)->substr(0, 12));
}

TEST(SecretBox, DetectsTamperingAnywhere) {
    const SecretBox box = MakeBox({NewKey("k1")});
    const auto sealed = box.Seal("credentials");
    ASSERT_TRUE(sealed);
    const size_t size = Base64Decode(sealed->ciphertext)->size();
    for (const size_t index : {size_t{0}, size_t{11}, size_t{12}, size - 17, size - 1}) {
        const auto opened = box.Open(Flip(*sealed, index));
        ASSERT_FALSE(opened) << index;
        EXPECT_NE(opened.error().message.find("'k1'"), std::string::npos);
    }
}

TEST(SecretBox, RejectsMalformedCiphertext) {
    const SecretBox box = MakeBox({NewKey("k1")});
    EXPECT_FALSE(box.Open(SealedSecret{"k1", "not base64!"}));
    EXPECT_FALSE(box.Open(SealedSecret{"k1", Base64Encode(std::string(27, 'x'))}));
    EXPECT_FALSE(box.Open(SealedSecret{"k1", ""}));
}

TEST(SecretBox, AssociatedDataMustMatch) {
    const SecretBox box = MakeBox({NewKey("k1")});
    const auto sealed = box.Seal("secret", "connection:42");
    ASSERT_TRUE(sealed);
    EXPECT_EQ(box.Open(*sealed, "connection:42"), "secret");
    EXPECT_FALSE(box.Open(*sealed, "connection:43"));
    EXPECT_FALSE(box.Open(*sealed));
}

TEST(SecretBox, WrongKeyWithSameIdFails) {
    const auto sealed = MakeBox({NewKey("k1")}).Seal("secret");
    ASSERT_TRUE(sealed);
    EXPECT_FALSE(MakeBox({NewKey("k1")}).Open(*sealed));
}

TEST(SecretBox, UnknownKeyIdNamesItWithoutKeyMaterial) {
    const MasterKey key = NewKey("k2");
    const SecretBox box = MakeBox({key});
    const auto opened = box.Open(SealedSecret{"k-gone", Base64Encode(std::string(40, 'x'))});
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
    EXPECT_NE(opened.error().message.find("'k-gone'"), std::string::npos);
    EXPECT_EQ(opened.error().message.find(Base64Encode(key.key)), std::string::npos);
}

TEST(SecretBox, RotationKeepsOldSecretsReadable) {
    const MasterKey old_key = NewKey("2025");
    const MasterKey new_key = NewKey("2026");
    const auto old_sealed = MakeBox({old_key}).Seal("old secret");
    ASSERT_TRUE(old_sealed);
    const SecretBox rotated = MakeBox({new_key, old_key});
    EXPECT_EQ(rotated.CurrentKeyId(), "2026");
    EXPECT_EQ(rotated.Open(*old_sealed), "old secret");
    const auto new_sealed = rotated.Seal("new secret");
    ASSERT_TRUE(new_sealed);
    EXPECT_EQ(new_sealed->key_id, "2026");
    EXPECT_EQ(rotated.Open(*new_sealed), "new secret");
    EXPECT_FALSE(MakeBox({old_key}).Open(*new_sealed));
}

TEST(SecretBox, CreateValidatesKeys) {
    EXPECT_FALSE(SecretBox::Create({}));
    EXPECT_FALSE(SecretBox::Create({MasterKey{"k1", std::string(16, 'x')}}));
    EXPECT_FALSE(SecretBox::Create({MasterKey{"", RandomBytes(32)}}));
    const auto dup = SecretBox::Create({NewKey("k1"), NewKey("k1")});
    ASSERT_FALSE(dup);
    EXPECT_NE(dup.error().message.find("'k1'"), std::string::npos);
}

}  // namespace
}  // namespace scs
