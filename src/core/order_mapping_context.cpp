#include "core/order_mapping_context.hpp"

namespace scs {

OrderMappingContext MappingContextFor(const Connection& connection, TimePoint received_at) {
    OrderMappingContext context;
    context.seller_id = connection.seller_id;
    context.connection_id = connection.id;
    context.status_overrides = connection.settings.status_mapping;
    for (const auto& [hub, location] : connection.settings.hub_locations) {
        context.location_hubs[location] = hub;
    }
    context.received_at = received_at;
    return context;
}

}  // namespace scs
