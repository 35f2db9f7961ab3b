#include "sandbox/woocommerce/woo_order.hpp"

#include <array>
#include <string_view>

#include "sandbox/woocommerce/wp_format.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

// WooCommerce v3's key order; keys the renderer computes are filled in below, the rest come
// from WooOrder::fields.
constexpr std::array<std::string_view, 47> kOrderKeys = {"id",
                                                         "parent_id",
                                                         "status",
                                                         "currency",
                                                         "version",
                                                         "prices_include_tax",
                                                         "date_created",
                                                         "date_modified",
                                                         "discount_total",
                                                         "discount_tax",
                                                         "shipping_total",
                                                         "shipping_tax",
                                                         "cart_tax",
                                                         "total",
                                                         "total_tax",
                                                         "customer_id",
                                                         "order_key",
                                                         "billing",
                                                         "shipping",
                                                         "payment_method",
                                                         "payment_method_title",
                                                         "transaction_id",
                                                         "customer_ip_address",
                                                         "customer_user_agent",
                                                         "created_via",
                                                         "customer_note",
                                                         "date_completed",
                                                         "date_paid",
                                                         "cart_hash",
                                                         "number",
                                                         "meta_data",
                                                         "line_items",
                                                         "tax_lines",
                                                         "shipping_lines",
                                                         "fee_lines",
                                                         "coupon_lines",
                                                         "refunds",
                                                         "payment_url",
                                                         "is_editable",
                                                         "needs_payment",
                                                         "needs_processing",
                                                         "date_created_gmt",
                                                         "date_modified_gmt",
                                                         "date_completed_gmt",
                                                         "date_paid_gmt",
                                                         "currency_symbol",
                                                         "_links"};

json::value LocalDate(const std::optional<TimePoint>& time, int offset_minutes) {
    return time ? json::value(WpDate(*time, offset_minutes)) : json::value(nullptr);
}

json::array RefundSummaries(const WooOrder& order) {
    json::array refunds;
    for (const auto& refund : order.refunds) {
        refunds.push_back({{"id", refund.id},
                           {"reason", refund.reason},
                           {"total", WcPrice(-refund.amount, order.exponent)}});
    }
    return refunds;
}

json::object Links(const WooOrder& order, const OrderView& view) {
    const std::string collection = view.store_url + "/wp-json/wc/v3/orders";
    json::object links{
        {"self", json::array{{{"href", collection + "/" + std::to_string(order.id)}}}},
        {"collection", json::array{{{"href", collection}}}}};
    const auto* customer = order.fields.if_contains("customer_id");
    if (customer != nullptr && customer->is_int64() && customer->get_int64() > 0) {
        links["customer"] = json::array{{{"href",
                                          view.store_url + "/wp-json/wc/v3/customers/" +
                                              std::to_string(customer->get_int64())}}};
    }
    return links;
}

std::string OrderKey(const WooOrder& order) {
    const auto* key = order.fields.if_contains("order_key");
    return key != nullptr && key->is_string() ? std::string(key->get_string()) : "";
}

// The value of a key the renderer derives from the order's state; nullopt for stored fields.
std::optional<json::value> Derived(std::string_view key,
                                   const WooOrder& order,
                                   const OrderView& view) {
    const int offset = view.utc_offset_minutes;
    if (key == "id") {
        return json::value(order.id);
    }
    if (key == "status") {
        return json::value(order.status);
    }
    if (key == "date_created" || key == "date_created_gmt") {
        return json::value(WpDate(order.created, key == "date_created" ? offset : 0));
    }
    if (key == "date_modified" || key == "date_modified_gmt") {
        return json::value(WpDate(order.modified, key == "date_modified" ? offset : 0));
    }
    if (key == "date_paid" || key == "date_paid_gmt") {
        return LocalDate(order.paid, key == "date_paid" ? offset : 0);
    }
    if (key == "date_completed" || key == "date_completed_gmt") {
        return LocalDate(order.completed, key == "date_completed" ? offset : 0);
    }
    if (key == "refunds") {
        return json::value(RefundSummaries(order));
    }
    if (key == "_links") {
        return json::value(Links(order, view));
    }
    return std::nullopt;
}

std::optional<json::value> DerivedState(std::string_view key,
                                        const WooOrder& order,
                                        const OrderView& view) {
    const std::string& s = order.status;
    if (key == "number" && !order.fields.contains("number")) {
        return json::value(std::to_string(order.id));
    }
    if (key == "is_editable") {
        return json::value(s == "pending" || s == "on-hold" || s == "auto-draft");
    }
    if (key == "needs_payment") {
        return json::value((s == "pending" || s == "failed") && OrderTotal(order) > 0);
    }
    if (key == "needs_processing") {
        return json::value(true);
    }
    if (key == "payment_url") {
        return json::value(view.store_url + "/checkout/order-pay/" + std::to_string(order.id) +
                           "/?pay_for_order=true&key=" + OrderKey(order));
    }
    return std::nullopt;
}

}  // namespace

int64_t CatalogueProductPostId(int64_t product_no) {
    return 10 * (product_no + 1);
}

int64_t CatalogueVariationPostId(int64_t product_no, int64_t variant_no) {
    return CatalogueProductPostId(product_no) + variant_no + 1;
}

json::object RenderOrder(const WooOrder& order, const OrderView& view) {
    json::object rendered;
    for (std::string_view key : kOrderKeys) {
        auto value = Derived(key, order, view);
        if (!value) {
            value = DerivedState(key, order, view);
        }
        if (value) {
            rendered[key] = std::move(*value);
        } else if (const auto* stored = order.fields.if_contains(key); stored != nullptr) {
            rendered[key] = *stored;
        }
    }
    for (const auto& entry : order.fields) {
        if (!rendered.contains(entry.key())) {
            rendered[entry.key()] = entry.value();
        }
    }
    return rendered;
}

int64_t OrderTotal(const WooOrder& order) {
    const auto* total = order.fields.if_contains("total");
    if (total == nullptr) {
        return 0;
    }
    return ParseWcPrice(*total, order.exponent).value_or(0);
}

int64_t RefundableLeft(const WooOrder& order) {
    int64_t left = OrderTotal(order);
    for (const auto& refund : order.refunds) {
        left -= refund.amount;
    }
    return left;
}

std::string StatusLabel(const std::string& status) {
    static const std::array<std::pair<std::string_view, std::string_view>, 9> kLabels = {{
        {"pending", "Pending payment"},
        {"processing", "Processing"},
        {"on-hold", "On hold"},
        {"completed", "Completed"},
        {"cancelled", "Cancelled"},
        {"refunded", "Refunded"},
        {"failed", "Failed"},
        {"checkout-draft", "Draft"},
        {"trash", "Trash"},
    }};
    for (const auto& [name, label] : kLabels) {
        if (name == status) {
            return std::string(label);
        }
    }
    return status;
}

const std::vector<std::string>& OrderStatuses() {
    static const std::vector<std::string> kStatuses = {"pending",
                                                       "processing",
                                                       "on-hold",
                                                       "completed",
                                                       "cancelled",
                                                       "refunded",
                                                       "failed",
                                                       "checkout-draft"};
    return kStatuses;
}

}  // namespace scs::sandbox::woocommerce
