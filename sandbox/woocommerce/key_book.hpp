#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"

// The REST API keys of one site (woocommerce_api_keys): the key the site was created with plus
// those the key exchange issues, each with the OAuth nonces it has seen. Not thread-safe: the
// owning site locks it.
namespace scs::sandbox::woocommerce {

struct ApiKey {
    int64_t key_id = 0;
    int64_t user_id = 1;  // the WordPress user the key acts as (the site's admin)
    std::string consumer_key;
    std::string consumer_secret;
    std::string permissions;  // read | write | read_write
    std::string description;
};

class KeyBook {
public:
    // Adds a key; answers its key_id.
    int64_t Add(std::string consumer_key,
                std::string consumer_secret,
                std::string permissions,
                std::string description);
    void Remove(int64_t key_id);
    std::optional<ApiKey> Find(const std::string& consumer_key) const;
    std::vector<ApiKey> All() const;

    // WooCommerce's nonce rule: false when `nonce` is among the key's nonces of the last 15
    // minutes; else remembers it under `timestamp` (one nonce per timestamp, as WooCommerce keys
    // its nonce list) and drops nonces older than 15 minutes.
    bool TryUseNonce(int64_t key_id, int64_t timestamp, const std::string& nonce, TimePoint now);

private:
    struct Entry {
        ApiKey key;
        std::map<int64_t, std::string> nonces;  // by timestamp
    };

    std::map<int64_t, Entry> keys_;  // by key_id
    int64_t next_key_id_ = 1;
};

}  // namespace scs::sandbox::woocommerce
