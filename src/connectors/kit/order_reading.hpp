#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "connectors/kit/json_reader.hpp"
#include "core/order.hpp"
#include "core/order_mapping_context.hpp"

// The reads every platform's order mapping repeats, over the kit's JsonReader with the
// platform's keys: the currency, money sums, a line item's identity, an address's fields, and
// the connection's stamp on a mapped order. Pure functions, thread-safe as far as the reader is.
namespace scs::kit {

// The order currency at `key`; it must have a known ISO 4217 exponent.
std::string ReadCurrency(JsonReader& order, std::string_view key);

// Adds amount to sum, failing `key` ("sum out of range") on overflow.
void AddMoney(JsonReader& reader, std::string_view key, int64_t amount, int64_t& sum);

// A line item's id ("id", exact), product and variant ids (absent reads as none), "sku",
// "name" and "quantity" (not negative); the platform reads the money.
OrderLineItem ReadLineIdentity(JsonReader& line, std::string_view variant_id_key);

// Where a platform keeps each address field; an empty key is a field it does not have.
struct AddressKeys {
    std::string_view name;
    std::string_view company = "company";
    std::string_view phone = "phone";
    std::string_view email;
    std::string_view line1;
    std::string_view line2;
    std::string_view city = "city";
    std::string_view region;
    std::string_view postal_code;
    std::string_view country_code;
};

// The address fields the keys name ("" and null read as absent). A country code that is not
// two upper-case letters after `upper_case_country` (when set) reads as absent.
OrderAddress ReadAddressFields(JsonReader& address,
                               const AddressKeys& keys,
                               bool upper_case_country);

// The connection's part of a mapped order: the canonical id "<tag>:<connection>:<external id>",
// seller, sales channel, receipt time and version 1.
void StampOrder(Order& order, const OrderMappingContext& context, std::string_view tag);

}  // namespace scs::kit
