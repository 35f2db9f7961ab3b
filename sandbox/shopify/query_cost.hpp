#pragma once

#include <cstdint>

#include <boost/json/value.hpp>

#include "sandbox/shopify/graphql_document.hpp"

// Shopify's calculated query cost (platform notes A7.2), pure and thread-safe: scalars and enums
// cost 0, objects 1, connections (fields taking `first`/`last`) 2 + first, and whatever sits
// inside a connection is multiplied by its `first`. Mutations cost 10 plus their selection.
namespace scs::sandbox {

inline constexpr int64_t kMutationCost = 10;

// The cost Shopify charges before running the operation.
int64_t RequestedQueryCost(const GraphqlOperation& operation);

// The cost of what was actually returned: connections are counted by the nodes in `data`.
// Never more than the requested cost.
int64_t ActualQueryCost(const GraphqlOperation& operation, const boost::json::value& data);

}  // namespace scs::sandbox
