#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/connection.hpp"
#include "core/headers.hpp"
#include "core/order.hpp"
#include "core/order_mapping_context.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

// One platform's webhooks as the generic ingress and processor see them (DESIGN §4, §8): read a
// delivery, name the store it comes from, verify it, and say what a stored event means. Only
// core types cross this line, never platform JSON.
namespace scs {

// What a delivery's headers and body say, before anything is trusted. Plain data.
struct WebhookDelivery {
    // A platform's test delivery (WooCommerce's creation ping): answered 200, not stored.
    bool ping = false;
    // The store as Connection::store_id holds it (normalised like the connections API does), so
    // the ingress can find the connection; "" matches none.
    std::string store_id;
    std::string topic;
    // Kept even when the store has no live connection, once the platform's app secrets verify it
    // (Shopify's privacy-law topics arrive up to 48 h after an uninstall).
    bool accept_unconnected = false;
    // What duplicate deliveries share (unique per platform + connection).
    std::string dedup_key;
    // The identifying headers as a JSON object, stored with the event; never the signature.
    std::string headers_json;
    std::optional<TimePoint> triggered_at;  // when the platform says the event happened
};

// What a stored event asks of the service. Plain data.
struct WebhookAction {
    enum class Kind {
        kOrder,           // `order` is a fresh snapshot of one order: upsert + outbox
        kUninstalled,     // the app was removed from the store: the connection needs reauth
        kForgetStore,     // the store asked to be forgotten: disconnect and wipe credentials
        kRedactCustomer,  // erase the customer's personal data from `order_ids`
        kRecorded,        // keeping the event is all there is to do
        kIgnored,         // nothing to do; `note` says why
    };
    Kind kind = Kind::kIgnored;
    std::optional<Order> order;          // kOrder
    std::vector<std::string> order_ids;  // kRedactCustomer: platform order ids
    std::string note;                    // kIgnored
};

// A stored event as the platform handed it over.
struct StoredDelivery {
    std::string_view topic;
    std::string_view body;  // byte for byte as received
};

// One platform's webhook rules. Built once per process by the registry; thread-safe.
class PlatformWebhooks {
public:
    virtual ~PlatformWebhooks() = default;

    // Reads a delivery's headers (names compared case-insensitively) and, where the platform
    // needs it, the raw body. kBadRequest naming a missing or malformed header.
    [[nodiscard]] virtual Result<WebhookDelivery> Identify(const HeaderList& headers,
                                                           std::string_view raw_body) const = 0;

    // True when the delivery is signed by a secret it may be signed with: the connection's own
    // (in `credentials`, empty when the store has no live connection) or the platform app's.
    // Every candidate secret is compared in constant time, so the time taken says nothing.
    [[nodiscard]] virtual bool Verify(const HeaderList& headers,
                                      std::string_view raw_body,
                                      const Credentials& credentials) const = 0;

    // What a stored event means, its orders mapped with `mapping`. Pure; an error is a payload
    // that cannot be understood (the event is marked failed, never retried).
    [[nodiscard]] virtual Result<WebhookAction> Interpret(
        const StoredDelivery& delivery, const OrderMappingContext& mapping) const = 0;
};

}  // namespace scs
