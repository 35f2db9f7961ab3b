#include "security/secret_box.hpp"

#include <limits>
#include <memory>
#include <optional>
#include <set>

#include <openssl/evp.h>

#include "security/crypto.hpp"

namespace scs {
namespace {

struct CipherCtxDeleter {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

unsigned char* MutableBytes(std::string& s) {
    return reinterpret_cast<unsigned char*>(s.data());
}

// OpenSSL's update functions take int lengths; secrets are small, so this only guards misuse.
bool FitsInt(std::string_view s) {
    return s.size() <= static_cast<size_t>(std::numeric_limits<int>::max());
}

// Sets up `ctx` for AES-256-GCM with `key` and `nonce`, in the given direction, and feeds `ad`.
bool InitGcm(EVP_CIPHER_CTX* ctx,
             const std::string& key,
             std::string_view nonce,
             std::string_view ad,
             int encrypt) {
    int len = 0;
    return EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt) == 1 &&
           EVP_CIPHER_CTX_ctrl(
               ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) == 1 &&
           EVP_CipherInit_ex(ctx, nullptr, nullptr, Bytes(key), Bytes(nonce), encrypt) == 1 &&
           (ad.empty() ||
            EVP_CipherUpdate(ctx, nullptr, &len, Bytes(ad), static_cast<int>(ad.size())) == 1);
}

// Returns nonce || ciphertext || tag, or nullopt if OpenSSL fails.
std::optional<std::string> EncryptGcm(const std::string& key,
                                      std::string_view plaintext,
                                      std::string_view ad) {
    const CipherCtx ctx(EVP_CIPHER_CTX_new());
    const std::string nonce = RandomBytes(SecretBox::kNonceSize);
    if (!ctx || !FitsInt(plaintext) || !FitsInt(ad) || !InitGcm(ctx.get(), key, nonce, ad, 1)) {
        return std::nullopt;
    }
    std::string out = nonce;
    out.resize(nonce.size() + plaintext.size() + SecretBox::kTagSize);
    unsigned char* body = MutableBytes(out) + nonce.size();
    int len = 0;
    int final_len = 0;
    if (EVP_CipherUpdate(
            ctx.get(), body, &len, Bytes(plaintext), static_cast<int>(plaintext.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), body + len, &final_len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(),
                            EVP_CTRL_GCM_GET_TAG,
                            static_cast<int>(SecretBox::kTagSize),
                            body + plaintext.size()) != 1) {
        return std::nullopt;
    }
    return out;
}

// Splits nonce || ciphertext || tag and decrypts; nullopt if authentication fails.
std::optional<std::string> DecryptGcm(const std::string& key,
                                      std::string_view sealed,
                                      std::string_view ad) {
    const std::string_view nonce = sealed.substr(0, SecretBox::kNonceSize);
    const std::string_view body = sealed.substr(
        SecretBox::kNonceSize, sealed.size() - SecretBox::kNonceSize - SecretBox::kTagSize);
    std::string tag(sealed.substr(sealed.size() - SecretBox::kTagSize));
    const CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx || !FitsInt(body) || !FitsInt(ad) || !InitGcm(ctx.get(), key, nonce, ad, 0)) {
        return std::nullopt;
    }
    std::string plain(body.size(), '\0');
    int len = 0;
    int final_len = 0;
    if (EVP_CipherUpdate(
            ctx.get(), MutableBytes(plain), &len, Bytes(body), static_cast<int>(body.size())) !=
            1 ||
        EVP_CIPHER_CTX_ctrl(
            ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag.size()), tag.data()) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), MutableBytes(plain) + len, &final_len) != 1) {
        return std::nullopt;
    }
    return plain;
}

Status ValidateKeys(const std::vector<MasterKey>& keys) {
    if (keys.empty()) {
        return Fail(ErrorCode::kInternal, "secret box: at least one master key is required");
    }
    std::set<std::string_view> seen;
    for (const auto& key : keys) {
        if (key.id.empty()) {
            return Fail(ErrorCode::kInternal, "secret box: a master key has an empty id");
        }
        if (key.key.size() != SecretBox::kKeySize) {
            return Fail(ErrorCode::kInternal,
                        "secret box: master key '" + key.id + "' must be 32 bytes, got " +
                            std::to_string(key.key.size()));
        }
        if (!seen.insert(key.id).second) {
            return Fail(ErrorCode::kInternal,
                        "secret box: master key id '" + key.id + "' appears twice");
        }
    }
    return {};
}

}  // namespace

Result<SecretBox> SecretBox::Create(std::vector<MasterKey> keys) {
    if (auto valid = ValidateKeys(keys); !valid) {
        return tl::unexpected(std::move(valid.error()));
    }
    return SecretBox(std::move(keys));
}

Result<SealedSecret> SecretBox::Seal(std::string_view plaintext,
                                     std::string_view associated_data) const {
    const MasterKey& key = keys_.front();
    auto sealed = EncryptGcm(key.key, plaintext, associated_data);
    if (!sealed) {
        return Fail(ErrorCode::kInternal,
                    "secret box: encryption with key '" + key.id + "' failed");
    }
    return SealedSecret{key.id, Base64Encode(*sealed)};
}

Result<std::string> SecretBox::Open(const SealedSecret& sealed,
                                    std::string_view associated_data) const {
    const MasterKey* key = FindKey(sealed.key_id);
    if (key == nullptr) {
        return Fail(ErrorCode::kInternal,
                    "secret box: secret was sealed with key '" + sealed.key_id +
                        "', which is not among the configured master keys");
    }
    const auto raw = Base64Decode(sealed.ciphertext);
    if (!raw || raw->size() < kNonceSize + kTagSize) {
        return Fail(ErrorCode::kInternal,
                    "secret box: sealed secret under key '" + key->id + "' is malformed");
    }
    auto plain = DecryptGcm(key->key, *raw, associated_data);
    if (!plain) {
        return Fail(ErrorCode::kInternal,
                    "secret box: secret under key '" + key->id +
                        "' failed authentication (tampered data, wrong key or wrong associated "
                        "data)");
    }
    return std::move(*plain);
}

const MasterKey* SecretBox::FindKey(std::string_view id) const {
    for (const auto& key : keys_) {
        if (key.id == id) {
            return &key;
        }
    }
    return nullptr;
}

}  // namespace scs
