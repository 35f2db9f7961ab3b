#pragma once

#include <string>

#include <boost/json/value.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/shopify/graphql_document.hpp"
#include "sandbox/shopify/sandbox_store.hpp"

// The top-level GraphQL fields the sandbox answers: shop, orders, webhookSubscriptions and the
// webhookSubscriptionCreate mutation. Each resolver returns the full value of its field; the
// caller projects it onto the selection. Thread-safe (the store locks itself).
namespace scs::sandbox {

struct ResolveContext {
    SandboxStore& store;
    std::string api_version;
    TimePoint now;
};

// Checks what Shopify checks before running (and charging) an operation: known top-level
// fields, and no `first` above 250 anywhere. kBadRequest with Shopify's message.
[[nodiscard]] Status ValidateOperation(const GraphqlOperation& operation);

// The value of one top-level field. kBadRequest with a GraphQL error message otherwise.
[[nodiscard]] Result<boost::json::value> ResolveField(const GraphqlField& field,
                                                      const ResolveContext& context);

}  // namespace scs::sandbox
