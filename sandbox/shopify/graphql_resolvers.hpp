#pragma once

#include <string>

#include <boost/json/value.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/shopify/graphql_document.hpp"
#include "sandbox/shopify/sandbox_store.hpp"

// The top-level GraphQL fields the sandbox answers: shop, order, orders, node, webhookSubscriptions
// and the webhookSubscriptionCreate/Update/Delete mutations (the push-back ones are in
// graphql_push_resolvers.hpp). Each resolver returns the full value of its field; the caller
// projects it onto the selection. Thread-safe (the store locks itself).
namespace scs::sandbox {

struct ResolveContext {
    SandboxStore& store;
    std::string api_version;
    TimePoint now;
};

// Checks what Shopify checks before running (and charging) a schema-valid operation
// (graphql_validation.hpp): no `first` above 250 anywhere. kBadRequest with Shopify's message.
[[nodiscard]] Status ValidateOperation(const GraphqlOperation& operation);

// The order with this gid rendered as a GraphQL node (its line-item window and fulfillment
// orders as `field`'s selection asks), or null when it is not an existing order's gid.
boost::json::value OrderNode(const std::string& gid,
                             const GraphqlField& field,
                             const ResolveContext& context);

// What node(id:)/nodes(ids:) answer for one id: an Order or an InventoryItem, else null.
boost::json::value NodeById(const std::string& gid,
                            const GraphqlField& field,
                            const ResolveContext& context);

// The value of one top-level field. kBadRequest with a GraphQL error message otherwise.
[[nodiscard]] Result<boost::json::value> ResolveField(const GraphqlField& field,
                                                      const ResolveContext& context);

}  // namespace scs::sandbox
