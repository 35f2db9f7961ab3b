#pragma once

#include <optional>
#include <string_view>

#include <boost/json/value.hpp>

#include "core/result.hpp"
#include "sandbox/shopify/graphql_document.hpp"
#include "sandbox/shopify/graphql_resolvers.hpp"

// The top-level GraphQL fields of pushing back to the store: catalogue and stock (locations,
// productVariants, nodes, inventorySetQuantities), fulfilment (fulfillmentCreate), cancel and
// close (orderCancel, job, orderClose). Thread-safe (the store locks itself).
namespace scs::sandbox {

// The value of `field` when it is one of the fields above; nullopt for any other field.
std::optional<Result<boost::json::value>> ResolvePushField(const GraphqlField& field,
                                                           const ResolveContext& context);

}  // namespace scs::sandbox
