#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/result.hpp"
#include "core/time.hpp"

namespace scs::woocommerce {

// Reads typed fields out of one JSON object of a WooCommerce payload (platforms doc B2/B3).
// Errors do not stop the reader: the first one is kept in `first_error` (kInvalidPayload, its
// field the JSON path such as "line_items[2].subtotal", its message prefixed with the subject,
// "woocommerce order") and later reads return empty values, so mapping code stays linear and
// checks once at the end. Null reads as absent. Internal to the WooCommerce mapping; not
// thread-safe; the object, the subject and the error slot must outlive the reader.
//
// Shopify's reader (connectors/shopify/json_reader.hpp) is not shared: it reads gids, MoneyBags
// and RFC 3339 times with offsets, while WooCommerce has plain integer ids where 0 means none,
// offset-less `_gmt` times and a money field that is a JSON number.
class JsonReader {
public:
    JsonReader(const boost::json::object& object,
               std::string path,
               std::string_view subject,
               std::optional<Error>& first_error);

    // Present and not null.
    bool Has(std::string_view key) const;

    std::string String(std::string_view key);
    // Absent, null and "" all read as nullopt; other text is kept byte for byte.
    std::optional<std::string> OptionalString(std::string_view key);
    int64_t Integer(std::string_view key);
    std::optional<bool> OptionalBool(std::string_view key);

    // A positive integer id (a JSON integer read as int64, never through a double) as decimal
    // text. OptionalId: absent, null and 0 (WooCommerce's "none") read as nullopt.
    std::string Id(std::string_view key);
    std::optional<std::string> OptionalId(std::string_view key);

    // A `*_gmt` time: UTC written without an offset ("2017-03-22T16:28:02"); a "Z" or an offset
    // is accepted too. Null reads as nullopt.
    std::optional<TimePoint> OptionalGmtTime(std::string_view key);

    // A decimal string ("10.00", "-10.00") in minor units of `currency`.
    int64_t Money(std::string_view key, std::string_view currency);
    // A JSON number (line_items[].price: 12 or 12.5) in minor units of `currency`, exactly: an
    // integer is taken as written, a double as its shortest round-trip decimal (what PHP's
    // json_encode wrote); a value that would need rounding fails.
    int64_t NumberMoney(std::string_view key, std::string_view currency);

    JsonReader Object(std::string_view key);
    std::optional<JsonReader> OptionalObject(std::string_view key);
    // The objects of an array; absent or null reads as empty.
    std::vector<JsonReader> Objects(std::string_view key);

    // Records an error about `key` (the first one wins).
    void Fail(std::string_view key, std::string_view why);

    bool Failed() const { return first_error_->has_value(); }

private:
    const boost::json::value* Find(std::string_view key) const;
    std::string PathOf(std::string_view key) const;
    std::optional<std::string> IdText(std::string_view key, const boost::json::value& value);

    const boost::json::object* object_;
    std::string path_;
    std::string_view subject_;
    std::optional<Error>* first_error_;
};

// A `*_gmt` time text ("2017-03-22T16:28:02", UTC without an offset) as an instant.
std::optional<TimePoint> ParseGmtTime(std::string_view text);

// The positive integer id of a JSON value as decimal text, or nullopt (0, negative, a double, a
// string, ...).
std::optional<std::string> IdOf(const boost::json::value& value);

}  // namespace scs::woocommerce
