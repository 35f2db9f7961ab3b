#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "connectors/kit/json_reader.hpp"

// What reading Shopify JSON adds to the kit's reader: its dialect, GraphQL gids and MoneyBags.
// Pure functions over a reader; thread-safe as far as the reader is.
namespace scs::shopify {

using kit::JsonReader;

// Order payloads: REST ids may come as digit strings, times are RFC 3339 with an offset.
inline constexpr kit::JsonDialect kOrderDialect{"shopify order", true, false};

// Which keys a Shopify MoneyBag uses: REST {"shop_money":{"amount","currency_code"}}, GraphQL
// {"shopMoney":{"amount","currencyCode"}}.
struct MoneyBagKeys {
    std::string_view shop_money;
    std::string_view currency_code;
};

inline constexpr MoneyBagKeys kRestMoneyBag{"shop_money", "currency_code"};
inline constexpr MoneyBagKeys kGraphqlMoneyBag{"shopMoney", "currencyCode"};

// The numeric tail of a GraphQL gid: "gid://shopify/Order/123" -> "123".
std::string Gid(JsonReader& reader, std::string_view key);
std::optional<std::string> OptionalGid(JsonReader& reader, std::string_view key);

// The shop-currency amount of a MoneyBag in minor units; its currency must be `currency`.
int64_t ShopMoney(JsonReader& reader,
                  std::string_view key,
                  const MoneyBagKeys& keys,
                  std::string_view currency);

}  // namespace scs::shopify
