#include "sandbox/shopify/graphql_order.hpp"

#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/json/array.hpp>

#include "core/time.hpp"
#include "sandbox/shopify/rest_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

const json::value& Field(const json::object& object, std::string_view key) {
    static const json::value kNull;
    const auto* value = object.if_contains(key);
    return value != nullptr ? *value : kNull;
}

std::string Text(const json::value& value) {
    if (value.is_string()) {
        return std::string(value.get_string());
    }
    if (value.is_int64()) {
        return std::to_string(value.get_int64());
    }
    if (value.is_uint64()) {
        return std::to_string(value.get_uint64());
    }
    return {};
}

std::string_view View(const json::string& text) {
    return {text.data(), text.size()};
}

std::string UpperAscii(std::string text) {
    for (auto& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

json::value GidOrNull(std::string_view type, const json::value& id) {
    const std::string text = Text(id);
    return text.empty() ? json::value(nullptr) : json::value(Gid(type, text));
}

// GraphQL times are UTC ("Z"); REST carries the shop's offset. Same instant.
json::value UtcTime(const json::value& value) {
    const auto time = value.is_string() ? ParseRfc3339(value.get_string()) : std::nullopt;
    return time ? json::value(FormatRfc3339(*time)) : json::value(nullptr);
}

json::object GraphqlMoney(const json::value& amount, std::string_view currency) {
    json::object money{{"amount", amount.is_string() ? amount : json::value("0")},
                       {"currencyCode", currency}};
    return {{"shopMoney", money}, {"presentmentMoney", money}};
}

// A REST "<key>_set" MoneyBag, falling back to the plain "<key>" amount.
json::object MoneySet(const json::object& rest, std::string_view key, std::string_view currency) {
    const auto& set = Field(rest, std::string(key) + "_set");
    if (set.is_object()) {
        const auto& shop = Field(set.get_object(), "shop_money");
        if (shop.is_object()) {
            const auto& code = Field(shop.get_object(), "currency_code");
            return GraphqlMoney(Field(shop.get_object(), "amount"),
                                code.is_string() ? View(code.get_string()) : currency);
        }
    }
    return GraphqlMoney(Field(rest, key), currency);
}

json::value Address(const json::value& rest) {
    if (!rest.is_object()) {
        return nullptr;
    }
    const auto& a = rest.get_object();
    return json::object{{"name", Field(a, "name")},
                        {"firstName", Field(a, "first_name")},
                        {"lastName", Field(a, "last_name")},
                        {"company", Field(a, "company")},
                        {"phone", Field(a, "phone")},
                        {"address1", Field(a, "address1")},
                        {"address2", Field(a, "address2")},
                        {"city", Field(a, "city")},
                        {"province", Field(a, "province")},
                        {"provinceCode", Field(a, "province_code")},
                        {"zip", Field(a, "zip")},
                        {"country", Field(a, "country")},
                        {"countryCodeV2", Field(a, "country_code")},
                        {"latitude", Field(a, "latitude")},
                        {"longitude", Field(a, "longitude")}};
}

json::array TagList(const json::value& tags) {
    json::array list;
    std::string_view text = tags.is_string() ? View(tags.get_string()) : "";
    while (!text.empty()) {
        const size_t comma = text.find(',');
        std::string_view tag = text.substr(0, comma);
        while (!tag.empty() && tag.front() == ' ') {
            tag.remove_prefix(1);
        }
        while (!tag.empty() && tag.back() == ' ') {
            tag.remove_suffix(1);
        }
        if (!tag.empty()) {
            list.emplace_back(tag);
        }
        text = comma == std::string_view::npos ? "" : text.substr(comma + 1);
    }
    return list;
}

// Line-item cursors are the position in the order, opaque to clients.
std::string LineCursor(size_t index) {
    return Base64Encode("line:" + std::to_string(index));
}

size_t FirstAfter(const std::string& cursor) {
    const auto text = cursor.empty() ? std::nullopt : Base64Decode(cursor);
    if (!text || text->rfind("line:", 0) != 0) {
        return 0;
    }
    return static_cast<size_t>(std::strtoull(text->c_str() + 5, nullptr, 10)) + 1;
}

json::object LineConnection(const json::array& all, const LineItemWindow& window) {
    json::array nodes;
    json::array edges;
    const size_t start = FirstAfter(window.after);
    size_t index = start;
    for (; index < all.size() && static_cast<int64_t>(index - start) < window.first; ++index) {
        edges.push_back({{"node", all[index]}, {"cursor", LineCursor(index)}});
        nodes.push_back(all[index]);
    }
    const bool empty = nodes.empty();
    json::object page{
        {"hasNextPage", index < all.size()},
        {"hasPreviousPage", start > 0},
        {"startCursor", empty ? json::value(nullptr) : json::value(LineCursor(start))},
        {"endCursor", empty ? json::value(nullptr) : json::value(LineCursor(index - 1))}};
    return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"pageInfo", page}};
}

json::object LineItem(const json::object& rest, std::string_view currency) {
    json::array taxes;
    for (const auto& tax : Field(rest, "tax_lines").is_array()
                               ? Field(rest, "tax_lines").get_array()
                               : json::array{}) {
        if (tax.is_object()) {
            taxes.push_back({{"priceSet", MoneySet(tax.get_object(), "price", currency)},
                             {"rate", Field(tax.get_object(), "rate")},
                             {"title", Field(tax.get_object(), "title")}});
        }
    }
    const auto& product = Field(rest, "product_id");
    const auto& variant = Field(rest, "variant_id");
    return {{"id", GidOrNull("LineItem", Field(rest, "id"))},
            {"sku", Field(rest, "sku")},
            {"name", Field(rest, "name")},
            {"title", Field(rest, "title")},
            {"variantTitle", Field(rest, "variant_title")},
            {"vendor", Field(rest, "vendor")},
            {"quantity", Field(rest, "quantity")},
            {"currentQuantity", Field(rest, "current_quantity")},
            {"product",
             product.is_null() ? json::value(nullptr)
                               : json::value({{"id", GidOrNull("Product", product)}})},
            {"variant",
             variant.is_null() ? json::value(nullptr)
                               : json::value({{"id", GidOrNull("ProductVariant", variant)}})},
            {"originalUnitPriceSet", MoneySet(rest, "price", currency)},
            {"totalDiscountSet", MoneySet(rest, "total_discount", currency)},
            {"taxLines", std::move(taxes)}};
}

const json::array& ArrayField(const json::object& rest, std::string_view key) {
    static const json::array kEmpty;
    const auto& value = Field(rest, key);
    return value.is_array() ? value.get_array() : kEmpty;
}

// A REST fulfillment as the GraphQL Fulfillment object; its one tracking entry, if any.
json::object Fulfillment(const json::object& rest) {
    const json::value& at = Field(rest, "location_id");
    json::array tracking;
    if (!Field(rest, "tracking_number").is_null() || !Field(rest, "tracking_company").is_null()) {
        tracking.push_back({{"number", Field(rest, "tracking_number")},
                            {"company", Field(rest, "tracking_company")},
                            {"url", Field(rest, "tracking_url")}});
    }
    return {
        {"id", GidOrNull("Fulfillment", Field(rest, "id"))},
        {"status", UpperAscii(Text(Field(rest, "status")))},
        {"createdAt", UtcTime(Field(rest, "created_at"))},
        {"trackingInfo", std::move(tracking)},
        {"location",
         at.is_null() ? json::value(nullptr) : json::value({{"id", GidOrNull("Location", at)}})}};
}

std::string FulfillmentDisplay(const json::value& status) {
    const std::string text = Text(status);
    if (text == "partial") {
        return "PARTIALLY_FULFILLED";
    }
    return text.empty() ? "UNFULFILLED" : UpperAscii(text);
}

void AddMoneyFields(json::object& node, const json::object& rest, std::string_view currency) {
    node["subtotalPriceSet"] = MoneySet(rest, "subtotal_price", currency);
    node["totalDiscountsSet"] = MoneySet(rest, "total_discounts", currency);
    node["totalShippingPriceSet"] = MoneySet(rest, "total_shipping_price", currency);
    node["totalTaxSet"] = MoneySet(rest, "total_tax", currency);
    node["totalPriceSet"] = MoneySet(rest, "total_price", currency);
    node["currentTotalPriceSet"] = MoneySet(rest, "current_total_price", currency);
    node["totalOutstandingSet"] = GraphqlMoney(Field(rest, "total_outstanding"), currency);
}

void AddRelations(json::object& node,
                  const json::object& rest,
                  std::string_view currency,
                  const LineItemWindow& window) {
    const auto& customer = Field(rest, "customer");
    node["customer"] =
        customer.is_object()
            ? json::value({{"id", GidOrNull("Customer", Field(customer.get_object(), "id"))},
                           {"firstName", Field(customer.get_object(), "first_name")},
                           {"lastName", Field(customer.get_object(), "last_name")},
                           {"email", Field(customer.get_object(), "email")}})
            : json::value(nullptr);
    node["shippingAddress"] = Address(Field(rest, "shipping_address"));
    node["billingAddress"] = Address(Field(rest, "billing_address"));
    const auto& shipping_lines = ArrayField(rest, "shipping_lines");
    node["shippingLine"] =
        !shipping_lines.empty() && shipping_lines.front().is_object()
            ? json::value({{"title", Field(shipping_lines.front().get_object(), "title")}})
            : json::value(nullptr);
    const auto& location = Field(rest, "location_id");
    node["retailLocation"] = location.is_null()
                                 ? json::value(nullptr)
                                 : json::value({{"id", GidOrNull("Location", location)}});
    json::array fulfillments;
    for (const auto& fulfillment : ArrayField(rest, "fulfillments")) {
        if (fulfillment.is_object()) {
            fulfillments.push_back(Fulfillment(fulfillment.get_object()));
        }
    }
    node["fulfillments"] = std::move(fulfillments);
    json::array lines;
    for (const auto& line : ArrayField(rest, "line_items")) {
        if (line.is_object()) {
            lines.push_back(LineItem(line.get_object(), currency));
        }
    }
    node["lineItems"] = LineConnection(lines, window);
}

}  // namespace

json::object RenderGraphqlOrder(const json::object& rest, const LineItemWindow& lines) {
    const std::string currency = Text(Field(rest, "currency"));
    const auto& reason = Field(rest, "cancel_reason");
    json::object node{
        {"__typename", "Order"},
        {"id", GidOrNull("Order", Field(rest, "id"))},
        {"legacyResourceId", Text(Field(rest, "id"))},
        {"name", Field(rest, "name")},
        {"email", Field(rest, "email")},
        {"phone", Field(rest, "phone")},
        {"note", Field(rest, "note")},
        {"tags", TagList(Field(rest, "tags"))},
        {"createdAt", UtcTime(Field(rest, "created_at"))},
        {"updatedAt", UtcTime(Field(rest, "updated_at"))},
        {"processedAt", UtcTime(Field(rest, "processed_at"))},
        {"cancelledAt", UtcTime(Field(rest, "cancelled_at"))},
        {"closed", !Field(rest, "closed_at").is_null()},
        {"closedAt", UtcTime(Field(rest, "closed_at"))},
        {"cancelReason", reason.is_string() ? json::value(UpperAscii(Text(reason))) : nullptr},
        {"displayFinancialStatus", UpperAscii(Text(Field(rest, "financial_status")))},
        {"displayFulfillmentStatus", FulfillmentDisplay(Field(rest, "fulfillment_status"))},
        {"currencyCode", currency},
        {"presentmentCurrencyCode", currency},
        {"taxesIncluded", Field(rest, "taxes_included")},
        {"test", Field(rest, "test")},
        {"paymentGatewayNames", ArrayField(rest, "payment_gateway_names")}};
    if (node["displayFinancialStatus"].as_string().empty()) {
        node["displayFinancialStatus"] = nullptr;
    }
    AddMoneyFields(node, rest, currency);
    AddRelations(node, rest, currency, lines);
    return node;
}

}  // namespace scs::sandbox
