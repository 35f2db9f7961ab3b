#pragma once

#include <optional>
#include <string_view>

#include "connectors/kit/json_reader.hpp"
#include "core/time.hpp"

// How WooCommerce JSON reads with the kit's reader (platforms doc B2/B3): integer ids where 0
// means none, and `*_gmt` times written without an offset.
namespace scs::woocommerce {

using kit::JsonReader;

// A `*_gmt` time text ("2017-03-22T16:28:02", UTC without an offset) as an instant; a "Z" or an
// offset is accepted too.
std::optional<TimePoint> ParseGmtTime(std::string_view text);

inline constexpr kit::JsonDialect kOrderDialect{
    "woocommerce order", false, true, &ParseGmtTime, "a time like 2017-03-22T16:28:02"};
inline constexpr kit::JsonDialect kProductDialect{
    "woocommerce product", false, true, &ParseGmtTime, "a time like 2017-03-22T16:28:02"};

}  // namespace scs::woocommerce
