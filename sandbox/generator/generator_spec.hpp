#pragma once

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/generator/order_generator.hpp"

// The generator's part of a store spec, the same for every platform: "seed", "currency" (an ISO
// 4217 code; absent draws each order's market) and "anchor_time" (RFC 3339). Pure, thread-safe.
namespace scs::sandbox {

// Reads those fields into `settings`; without "anchor_time" the anchor is the whole hour of
// `now`, so a seed repeats its orders within the hour. kBadRequest naming the field.
[[nodiscard]] Status ReadGeneratorSettings(const boost::json::object& body,
                                           TimePoint now,
                                           GeneratorSettings& settings);

}  // namespace scs::sandbox
