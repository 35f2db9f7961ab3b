#include "sandbox/woocommerce/key_book.hpp"

namespace scs::sandbox::woocommerce {
namespace {

constexpr int64_t kNonceWindowSeconds = int64_t{15} * 60;

}  // namespace

int64_t KeyBook::Add(std::string consumer_key,
                     std::string consumer_secret,
                     std::string permissions,
                     std::string description) {
    const int64_t key_id = next_key_id_++;
    keys_[key_id] = Entry{ApiKey{key_id,
                                 1,
                                 std::move(consumer_key),
                                 std::move(consumer_secret),
                                 std::move(permissions),
                                 std::move(description)},
                          {}};
    return key_id;
}

void KeyBook::Remove(int64_t key_id) {
    keys_.erase(key_id);
}

std::optional<ApiKey> KeyBook::Find(const std::string& consumer_key) const {
    for (const auto& [id, entry] : keys_) {
        if (entry.key.consumer_key == consumer_key) {
            return entry.key;
        }
    }
    return std::nullopt;
}

std::vector<ApiKey> KeyBook::All() const {
    std::vector<ApiKey> keys;
    for (const auto& [id, entry] : keys_) {
        keys.push_back(entry.key);
    }
    return keys;
}

bool KeyBook::TryUseNonce(int64_t key_id,
                          int64_t timestamp,
                          const std::string& nonce,
                          TimePoint now) {
    auto found = keys_.find(key_id);
    if (found == keys_.end()) {
        return false;
    }
    auto& nonces = found->second.nonces;
    for (const auto& [seen_at, seen] : nonces) {
        if (seen == nonce) {
            return false;
        }
    }
    nonces[timestamp] = nonce;
    const int64_t now_seconds = ToUnixMillis(now) / 1000;
    for (auto it = nonces.begin(); it != nonces.end();) {
        it = it->first < now_seconds - kNonceWindowSeconds ? nonces.erase(it) : std::next(it);
    }
    return true;
}

}  // namespace scs::sandbox::woocommerce
