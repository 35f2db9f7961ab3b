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

namespace scs::kit {

// What differs between platforms in reading the same kinds of fields: the wording of messages
// and the few conventions a platform chose. A platform keeps one as a constant.
struct JsonDialect {
    std::string_view subject;  // starts every message: "shopify order", "woocommerce product"
    // Whether a string of digits ("123") is an id too, beside a JSON integer.
    bool digit_string_ids = false;
    // Whether OptionalId reads the integer 0 as absent (a platform's "none").
    bool zero_id_is_none = false;
    // How a time field is written, and how a message names that form after "not ".
    std::optional<TimePoint> (*parse_time)(std::string_view) = &ParseRfc3339;
    std::string_view time_form = "an RFC 3339 time";
};

// Reads typed fields out of one JSON object of a platform payload. Errors do not stop the
// reader: the first one is kept in `first_error` (kInvalidPayload, its field the JSON path such
// as "line_items[2].price", its message "<subject>: <path>: <why>") and later reads return empty
// values, so mapping code stays linear and checks once at the end. Null reads as absent. Not
// thread-safe; the object, the dialect and the error slot must outlive the reader.
class JsonReader {
public:
    JsonReader(const boost::json::object& object,
               std::string path,
               const JsonDialect& dialect,
               std::optional<Error>& first_error);

    // Present and not null.
    bool Has(std::string_view key) const;
    // The value when present and not null, for reads a platform adds on top of these.
    const boost::json::value* Find(std::string_view key) const;

    std::string String(std::string_view key);
    // Absent, null and "" all read as nullopt; other text is kept byte for byte.
    std::optional<std::string> OptionalString(std::string_view key);
    std::vector<std::string> StringArray(std::string_view key);
    int64_t Integer(std::string_view key);
    std::optional<bool> OptionalBool(std::string_view key);
    std::optional<double> OptionalNumber(std::string_view key);
    // A time in the dialect's form.
    TimePoint Time(std::string_view key);
    std::optional<TimePoint> OptionalTime(std::string_view key);

    // A positive integer id kept exactly as decimal text, never through a double.
    std::string Id(std::string_view key);
    std::optional<std::string> OptionalId(std::string_view key);

    // A decimal string ("10.00", "-10.00") in minor units of `currency`.
    int64_t Money(std::string_view key, std::string_view currency);
    // A JSON number (12 or 12.5) in minor units of `currency`, exactly: an integer is taken as
    // written, a double as its shortest round-trip decimal (what PHP's json_encode wrote); a
    // value that would need rounding fails.
    int64_t NumberMoney(std::string_view key, std::string_view currency);

    JsonReader Object(std::string_view key);
    std::optional<JsonReader> OptionalObject(std::string_view key);
    // The objects of an array; absent or null reads as empty.
    std::vector<JsonReader> Objects(std::string_view key);

    // Records an error about `key` (the first one wins).
    void Fail(std::string_view key, std::string_view why);

    bool Failed() const { return first_error_->has_value(); }

private:
    std::string PathOf(std::string_view key) const;
    std::optional<std::string> IdText(std::string_view key, const boost::json::value& value);
    int64_t MinorUnits(std::string_view key, std::string_view amount, std::string_view currency);

    const boost::json::object* object_;
    std::string path_;
    const JsonDialect* dialect_;
    std::optional<Error>* first_error_;
};

// The positive integer id of a JSON value as decimal text (a JSON integer; with
// `digit_strings`, also a string of digits), or nullopt.
std::optional<std::string> IdOf(const boost::json::value& value, bool digit_strings = false);

// Parses `json` as one object; kInvalidPayload "<subject>: not JSON: …" when it is not.
[[nodiscard]] Result<boost::json::object> ParseObject(std::string_view json,
                                                      std::string_view subject);

}  // namespace scs::kit
