#include "connectors/shopify/shopify_json.hpp"

#include <algorithm>

namespace scs::shopify {
namespace {

bool IsDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> GidText(JsonReader& reader,
                                   std::string_view key,
                                   const boost::json::value& value) {
    constexpr std::string_view kPrefix = "gid://shopify/";
    std::string_view gid;
    if (value.is_string()) {
        gid = value.get_string();
    }
    const size_t slash = gid.rfind('/');
    const std::string_view tail =
        slash == std::string_view::npos ? "" : gid.substr(slash + 1, gid.find('?') - slash - 1);
    if (gid.substr(0, kPrefix.size()) != kPrefix || !IsDigits(tail)) {
        reader.Fail(key, "must be a gid://shopify/<Type>/<number> id");
        return std::nullopt;
    }
    return std::string(tail);
}

}  // namespace

std::optional<std::string> OptionalGid(JsonReader& reader, std::string_view key) {
    const auto* value = reader.Find(key);
    return value == nullptr ? std::nullopt : GidText(reader, key, *value);
}

std::string Gid(JsonReader& reader, std::string_view key) {
    const auto* value = reader.Find(key);
    if (value == nullptr) {
        reader.Fail(key, "missing");
        return {};
    }
    return GidText(reader, key, *value).value_or("");
}

int64_t ShopMoney(JsonReader& reader,
                  std::string_view key,
                  const MoneyBagKeys& keys,
                  std::string_view currency) {
    JsonReader money = reader.Object(key).Object(keys.shop_money);
    const std::string code = money.String(keys.currency_code);
    if (!reader.Failed() && code != currency) {
        money.Fail(keys.currency_code,
                   "is " + code + ", the order's currency is " + std::string(currency));
    }
    return money.Money("amount", currency);
}

}  // namespace scs::shopify
