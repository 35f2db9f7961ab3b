#pragma once

#include <boost/json/object.hpp>

#include "sandbox/generator/order_generator.hpp"

// The generator's neutral orders in Shopify's REST/webhook shape, the body the store keeps and
// renders GraphQL nodes from. Pure, thread-safe.
namespace scs::sandbox {

boost::json::object RenderShopifyOrder(const Order& order);

}  // namespace scs::sandbox
