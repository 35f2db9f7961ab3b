#include "sandbox/woocommerce/order_edit.hpp"

#include "sandbox/woocommerce/wp_format.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

int64_t SumOf(const json::array& lines, std::string_view key, int exponent) {
    int64_t sum = 0;
    for (const auto& line : lines) {
        const auto* value = line.is_object() ? line.get_object().if_contains(key) : nullptr;
        sum += value == nullptr ? 0 : ParseWcPrice(*value, exponent).value_or(0);
    }
    return sum;
}

const json::array& ArrayField(const WooOrder& order, std::string_view key) {
    static const json::array kEmpty;
    const auto* value = order.fields.if_contains(key);
    return value != nullptr && value->is_array() ? value->get_array() : kEmpty;
}

WpError LineError(const std::string& field, const std::string& type) {
    ParamErrors errors;
    errors.Add("line_items",
               "line_items[0][" + field + "] is not of type " + type + ".",
               "rest_invalid_type");
    return errors.ToError();
}

// A money field of the input, else `fallback`; nullopt when present but not money.
std::optional<int64_t> MoneyOr(const json::object& input,
                               std::string_view key,
                               int64_t fallback,
                               int exponent) {
    const auto* value = input.if_contains(key);
    if (value == nullptr) {
        return fallback;
    }
    return ParseWcPrice(*value, exponent);
}

}  // namespace

WpResult<json::object> BuildLineItem(const json::object& input,
                                     const std::optional<LineProduct>& product,
                                     int64_t item_id,
                                     int exponent) {
    int64_t quantity = 1;
    if (const auto* q = input.if_contains("quantity"); q != nullptr) {
        if (!q->is_int64()) {
            return tl::unexpected(LineError("quantity", "integer"));
        }
        quantity = q->get_int64();
    }
    const auto price = MoneyOr(input, "price", product ? product->price : 0, exponent);
    const auto subtotal = price ? MoneyOr(input, "subtotal", *price * quantity, exponent) : price;
    const auto total = subtotal ? MoneyOr(input, "total", *subtotal, exponent) : subtotal;
    const auto total_tax = MoneyOr(input, "total_tax", 0, exponent);
    const auto subtotal_tax = MoneyOr(input, "subtotal_tax", total_tax.value_or(0), exponent);
    if (!total || !total_tax || !subtotal_tax) {
        return tl::unexpected(LineError("total", "string"));
    }
    const auto* given_name = input.if_contains("name");
    const LineProduct known = product.value_or(LineProduct{});
    const json::value name =
        given_name != nullptr && given_name->is_string() ? *given_name : json::value(known.name);
    json::array meta;
    if (!known.option.empty()) {
        meta.push_back({{"id", item_id * 10 + 1},
                        {"key", "option"},
                        {"value", known.option},
                        {"display_key", "Option"},
                        {"display_value", known.option}});
    }
    return json::object(
        {{"id", item_id},
         {"name", name},
         {"product_id", known.product_id},
         {"variation_id", known.variation_id},
         {"quantity", quantity},
         {"tax_class", ""},
         {"subtotal", WcPrice(*subtotal, exponent)},
         {"subtotal_tax", WcPrice(*subtotal_tax, exponent)},
         {"total", WcPrice(*total, exponent)},
         {"total_tax", WcPrice(*total_tax, exponent)},
         {"taxes", json::array{}},
         {"meta_data", std::move(meta)},
         {"sku", known.sku},
         {"price", WcPriceNumber(quantity > 0 ? *total / quantity : 0, exponent)},
         {"image", {{"id", ""}, {"src", ""}}},
         {"parent_name",
          known.parent_name.empty() ? json::value(nullptr) : json::value(known.parent_name)}});
}

void RecomputeOrderTotals(WooOrder& order) {
    const int e = order.exponent;
    const auto& lines = ArrayField(order, "line_items");
    const int64_t subtotal = SumOf(lines, "subtotal", e);
    const int64_t total = SumOf(lines, "total", e);
    const int64_t subtotal_tax = SumOf(lines, "subtotal_tax", e);
    const int64_t cart_tax = SumOf(lines, "total_tax", e);
    const int64_t shipping = SumOf(ArrayField(order, "shipping_lines"), "total", e);
    const int64_t shipping_tax = SumOf(ArrayField(order, "shipping_lines"), "total_tax", e);
    const int64_t fees = SumOf(ArrayField(order, "fee_lines"), "total", e);
    auto& f = order.fields;
    f["discount_total"] = WcPrice(subtotal - total, e);
    f["discount_tax"] = WcPrice(subtotal_tax - cart_tax, e);
    f["shipping_total"] = WcPrice(shipping, e);
    f["shipping_tax"] = WcPrice(shipping_tax, e);
    f["cart_tax"] = WcPrice(cart_tax, e);
    f["total_tax"] = WcPrice(cart_tax + shipping_tax, e);
    f["total"] = WcPrice(total + fees + shipping + cart_tax + shipping_tax, e);
}

void MergeObject(json::object& target, const json::object& patch) {
    for (const auto& entry : patch) {
        target[entry.key()] = entry.value();
    }
}

void UpsertMeta(json::array& meta, const json::array& writes, int64_t& next_id) {
    for (const auto& write : writes) {
        if (!write.is_object() || !write.get_object().contains("key")) {
            continue;
        }
        const auto& entry = write.get_object();
        bool replaced = false;
        for (auto& existing : meta) {
            auto& object = existing.as_object();
            if (object.at("key") == entry.at("key")) {
                object["value"] = entry.contains("value") ? entry.at("value") : nullptr;
                replaced = true;
            }
        }
        if (!replaced) {
            meta.push_back({{"id", next_id++},
                            {"key", entry.at("key")},
                            {"value", entry.contains("value") ? entry.at("value") : nullptr}});
        }
    }
}

}  // namespace scs::sandbox::woocommerce
