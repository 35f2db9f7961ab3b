#pragma once

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/time.hpp"

// How Shopify's REST payloads spell money and time. Pure, thread-safe.
namespace scs::sandbox {

// RFC 3339 at a fixed UTC offset, whole seconds: "2026-11-20T14:05:00+03:00".
std::string FormatWithOffset(TimePoint time, int offset_minutes);

// A REST MoneyBag, shop and presentment money alike:
// {"shop_money":{"amount","currency_code"},"presentment_money":{…}}.
boost::json::object RestMoneyBag(std::string_view amount, std::string_view currency);

// "gid://shopify/<type>/<id>".
std::string Gid(std::string_view type, std::string_view id);

}  // namespace scs::sandbox
