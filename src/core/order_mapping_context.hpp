#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/connection.hpp"
#include "core/time.hpp"

namespace scs {

// What the mapping needs from the connection. Plain data.
struct OrderMappingContext {
    std::string seller_id;
    int64_t connection_id = 0;  // Connection::id; the schema's seller_sales_channel_id
    // Order::external_status ("paid/unfulfilled", "pending/fulfilled/cancelled") -> canonical
    // status name; replaces the default table for that exact value.
    std::map<std::string, std::string> status_overrides;
    std::map<std::string, std::string> location_hubs;  // platform location id -> hub code
    TimePoint received_at{};
};

// What the mapping needs from `connection`, for syncs and webhooks alike: its seller and id, its
// status mapping as overrides, and its hub -> location mapping inverted to location -> hub. Pure.
OrderMappingContext MappingContextFor(const Connection& connection, TimePoint received_at);

}  // namespace scs
