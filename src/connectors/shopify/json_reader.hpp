#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"

namespace scs::shopify {

// Which keys a Shopify MoneyBag uses: REST {"shop_money":{"amount","currency_code"}}, GraphQL
// {"shopMoney":{"amount","currencyCode"}}.
struct MoneyBagKeys {
    std::string_view shop_money;
    std::string_view currency_code;
};

inline constexpr MoneyBagKeys kRestMoneyBag{"shop_money", "currency_code"};
inline constexpr MoneyBagKeys kGraphqlMoneyBag{"shopMoney", "currencyCode"};

// Reads typed fields out of one JSON object of a Shopify payload. Errors do not stop the reader:
// the first one is kept in `first_error` (kInvalidPayload, its field the JSON path such as
// "line_items[2].price") and later reads return empty values, so mapping code stays linear and
// checks once at the end. Internal to the Shopify mapping; not thread-safe; the object and the
// error slot must outlive the reader.
class JsonReader {
public:
    JsonReader(const boost::json::object& object,
               std::string path,
               std::optional<Error>& first_error);

    // Present and not null.
    bool Has(std::string_view key) const;

    std::string String(std::string_view key);
    // Absent, null and "" all read as nullopt; other text is kept byte for byte.
    std::optional<std::string> OptionalString(std::string_view key);
    std::vector<std::string> StringArray(std::string_view key);
    int64_t Integer(std::string_view key);
    std::optional<bool> OptionalBool(std::string_view key);
    std::optional<double> OptionalNumber(std::string_view key);
    TimePoint Time(std::string_view key);
    std::optional<TimePoint> OptionalTime(std::string_view key);

    // A REST id: a JSON integer (or digit string) kept exactly, never through a double.
    std::string Id(std::string_view key);
    std::optional<std::string> OptionalId(std::string_view key);
    // The numeric tail of a GraphQL gid: "gid://shopify/Order/123" -> "123".
    std::string Gid(std::string_view key);
    std::optional<std::string> OptionalGid(std::string_view key);

    // A decimal string in minor units of `currency`.
    int64_t Money(std::string_view key, std::string_view currency);
    // The shop-currency amount of a MoneyBag; its currency must be `currency`.
    int64_t ShopMoney(std::string_view key, const MoneyBagKeys& keys, std::string_view currency);

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
    std::optional<std::string> GidText(std::string_view key, const boost::json::value& value);

    const boost::json::object* object_;
    std::string path_;
    std::optional<Error>* first_error_;
};

// Parses `json` as one object; kInvalidPayload naming the position when it is not.
[[nodiscard]] Result<boost::json::object> ParseObject(std::string_view json);

}  // namespace scs::shopify
