#pragma once

#include <cstdint>
#include <string>

#include <boost/json/object.hpp>

// Renders a stored order (REST shape) as a GraphQL Admin `Order` node with every field of
// kShopifyGraphqlOrderFields and a few neighbours; callers project it to the selection. Both
// renderings of one order map to the same canonical order. Pure, thread-safe.
namespace scs::sandbox {

// Which line items the `lineItems(first:, after:)` connection of the node holds.
struct LineItemWindow {
    int64_t first = 250;
    std::string after;  // a cursor from a previous page, "" for the first page
};

boost::json::object RenderGraphqlOrder(const boost::json::object& rest,
                                       const LineItemWindow& lines = {});

}  // namespace scs::sandbox
