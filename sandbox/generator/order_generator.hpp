#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "core/time.hpp"

// Deterministic generator of realistic Shopify orders in the REST/webhook shape: SAR, AED, KWD
// (3 decimals), EGP and USD; Arabic and English names and addresses; several lines with variants,
// SKUs, discounts and taxes; cash on delivery (pending, outstanding) and prepaid; some cancelled
// and some fulfilled. Pure functions of their inputs; thread-safe.
namespace scs::sandbox {

struct GeneratorSettings {
    uint64_t seed = 1;
    bool big_ids = false;  // ids above 2^53, to catch clients that parse ids as doubles
    std::string currency;  // "" draws each order's market from the seed
    TimePoint anchor{};    // seeded orders are spread over the 7 days before this instant
};

// Order number `index` (0-based; its name is "#<1001 + index>"). With `placed_at`, the order was
// created and last updated then; without, both times are drawn from the 7 days before the anchor.
// The same settings and arguments always give the same order.
boost::json::object GenerateOrder(const GeneratorSettings& settings,
                                  int64_t index,
                                  std::optional<TimePoint> placed_at);

// The id GenerateOrder gives order `index`.
int64_t GeneratedOrderId(const GeneratorSettings& settings, int64_t index);

}  // namespace scs::sandbox
