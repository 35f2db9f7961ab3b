#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "core/time.hpp"

// How WordPress and WooCommerce spell JSON, dates and money on the wire. Pure, thread-safe.
namespace scs::sandbox::woocommerce {

// PHP's json_encode() with no flags, as wp_json_encode() runs it for REST answers and webhook
// bodies: '/' escaped as "\/", every non-ASCII character as a lower-case "\uXXXX" (surrogate
// pairs above U+FFFF), integral doubles with a ".0". Byte-exact bodies matter because webhook
// signatures are computed over them.
std::string PhpJsonEncode(const boost::json::value& value);

// "2026-11-24T14:05:00": the REST date format, with no offset, in the zone `offset_minutes` east
// of UTC (0 for the *_gmt twins).
std::string WpDate(TimePoint time, int offset_minutes);

// A REST date parameter (rest_parse_date): "YYYY-MM-DDTHH:MM:SS" with optional fraction and an
// optional "Z"/"±hh:mm". Without an offset the text is read in the zone `offset_minutes` east of
// UTC. nullopt when the text is not such a date.
std::optional<TimePoint> ParseWpDate(std::string_view text, int offset_minutes);

// "+03:00" -> 180, "-05:30" -> -330, "UTC" / "Z" -> 0; nullopt otherwise.
std::optional<int> ParseUtcOffset(std::string_view text);

// Minor units as WooCommerce's decimal string with the store's decimals: (12345, 2) -> "123.45".
std::string WcPrice(int64_t minor, int exponent);

// A price as a JSON number (line_items[].price): integral values as integers, others as doubles.
boost::json::value WcPriceNumber(int64_t minor, int exponent);

// Decimal text or a JSON number to minor units; nullopt when malformed or needs rounding.
std::optional<int64_t> ParseWcPrice(const boost::json::value& value, int exponent);

}  // namespace scs::sandbox::woocommerce
