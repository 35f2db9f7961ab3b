#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/connection.hpp"
#include "core/result.hpp"

namespace scs {

// One AES-256 master key and the id that sealed secrets record, so rotation can tell keys apart.
struct MasterKey {
    std::string id;
    std::string key;  // 32 raw bytes
};

// Encrypts secrets (platform credentials) at rest with AES-256-GCM under a key id. Seals with the
// current key (the first given); opens with any key it holds, so secrets sealed before a rotation
// stay readable. Errors name key ids, never key material.
// Owned by the composition root for the life of the process. Immutable after Create(), so
// thread-safe.
class SecretBox {
public:
    static constexpr size_t kKeySize = 32;
    static constexpr size_t kNonceSize = 12;
    static constexpr size_t kTagSize = 16;

    // Needs at least one key; every key 32 bytes with a non-empty id, ids unique.
    [[nodiscard]] static Result<SecretBox> Create(std::vector<MasterKey> keys);

    // A fresh random nonce per call, so sealing the same plaintext twice gives different output.
    // `associated_data` is authenticated but not stored: Open needs the same value.
    [[nodiscard]] Result<SealedSecret> Seal(std::string_view plaintext,
                                            std::string_view associated_data = {}) const;

    // Fails when the key id is unknown, the data was altered, or the associated data differs.
    [[nodiscard]] Result<std::string> Open(const SealedSecret& sealed,
                                           std::string_view associated_data = {}) const;

    const std::string& CurrentKeyId() const { return keys_.front().id; }

private:
    explicit SecretBox(std::vector<MasterKey> keys) : keys_(std::move(keys)) {}

    const MasterKey* FindKey(std::string_view id) const;

    std::vector<MasterKey> keys_;  // never empty; front() is the current key
};

}  // namespace scs
