#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace scs {

// The lifecycle of a seller's store connection.
enum class ConnectionStatus {
    kActive,          // syncing and accepting webhooks
    kPaused,          // kept, but no syncs or pushes run (set by the seller or an operator)
    kReauthRequired,  // the platform rejected the stored credentials; the seller must reconnect
    kDisconnected,    // deleted through the API; credentials wiped, history kept
};

std::string_view ConnectionStatusName(ConnectionStatus status);
std::optional<ConnectionStatus> ParseConnectionStatus(std::string_view name);

// What a seller configures on a connection. Plain data; validated by the API layer.
struct ConnectionSettings {
    std::map<std::string, std::string> hub_locations;   // hub code -> platform location id
    std::map<std::string, std::string> status_mapping;  // platform status -> canonical status
    std::map<std::string, std::chrono::milliseconds> freeze_times;  // sync entity -> override
    int64_t safety_stock = 0;  // units held back from every inventory push, never below zero

    bool operator==(const ConnectionSettings&) const = default;
};

// Credentials after encryption: what storage keeps. The plaintext never reaches storage.
struct SealedSecret {
    std::string key_id;      // which master key sealed it (rotation keeps old keys readable)
    std::string ciphertext;  // base64 of nonce || ciphertext || tag

    bool Empty() const { return ciphertext.empty(); }

    bool operator==(const SealedSecret&) const = default;
};

// Platform credentials in the clear: field name -> value. Lives only in memory.
using Credentials = std::map<std::string, std::string>;

// One seller's store on one platform. `store_id` identifies the store on its platform
// (Shopify shop domain, WooCommerce site URL, Salla/Zid merchant id, Amazon selling-partner id,
// Noon partner id); together with the platform it is unique among live connections.
struct Connection {
    int64_t id = 0;
    std::string seller_id;
    std::string platform;  // catalogue tag: shopify, woocommerce, ...
    std::string name;
    std::string store_id;
    std::vector<std::string> marketplaces;  // Amazon marketplace ids, Noon country codes
    ConnectionStatus status = ConnectionStatus::kActive;
    ConnectionSettings settings;
    std::vector<std::string> credential_fields;  // names of the stored credentials, sorted
    SealedSecret credentials;
    TimePoint created_at{};
    TimePoint updated_at{};
};

// Refuses work (a sync, a push) on a connection that is not active: paused is kConflict,
// reauth_required kInvalidCredentials (the seller must reconnect), disconnected
// `when_disconnected` (kNotFound where a disconnected connection counts as gone, else
// kConflict). Pure.
[[nodiscard]] Status CheckConnectionActive(const Connection& connection,
                                           ErrorCode when_disconnected);

}  // namespace scs
