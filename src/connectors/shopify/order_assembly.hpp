#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/kit/order_reading.hpp"
#include "connectors/shopify/order_mapping.hpp"
#include "connectors/shopify/order_rules.hpp"
#include "connectors/shopify/shopify_json.hpp"

// The steps both Shopify shapes share: what a shape reader collects, and how it becomes a
// complete canonical Order. Internal to the Shopify mapping; pure, thread-safe.
namespace scs::shopify {

// What a shape reader hands over: the content read from the payload, plus the raw facts the
// rules turn into status, payment and hub.
struct OrderParts {
    Order order;
    StatusFacts facts;
    std::vector<std::string> gateways;
    std::vector<std::string> location_ids;  // in order of preference for the hub
    int64_t outstanding = 0;                // what is left to pay: the COD amount
};

// Adds the connection's ids, status (with overrides), payment, hub and line totals.
[[nodiscard]] Result<Order> CompleteOrder(OrderParts parts, const OrderMappingContext& context);

using kit::AddMoney;
using kit::ReadCurrency;

// A mailing address (same keys in both shapes but the country code's). Null stays nullopt; a
// country code that is not two upper-case letters reads as null.
std::optional<OrderAddress> ReadAddress(JsonReader& order,
                                        std::string_view key,
                                        std::string_view country_key);

// Reads the parsed payload with `read`, and completes the order when nothing failed.
template <class ReadFn>
[[nodiscard]] Result<Order> MapPayload(const boost::json::object& payload,
                                       ReadFn read,
                                       const OrderMappingContext& context) {
    std::optional<Error> first_error;
    JsonReader reader(payload, "", kOrderDialect, first_error);
    OrderParts parts = read(reader);
    if (first_error) {
        return tl::unexpected(std::move(*first_error));
    }
    return CompleteOrder(std::move(parts), context);
}

}  // namespace scs::shopify
