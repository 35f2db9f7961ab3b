// RenderGeneratedOrder: the generator's neutral orders as WooCommerce orders.
#include <cctype>

#include <fmt/format.h>

#include "sandbox/generator/generator_catalogue.hpp"
#include "sandbox/woocommerce/woo_order.hpp"
#include "sandbox/woocommerce/wp_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

// A stable pseudo-random hex string derived from `seed_text`.
std::string StableHex(const std::string& seed_text, size_t length) {
    return HexEncode(Sha256(seed_text)).substr(0, length);
}

json::object WooAddress(const Address& source, const std::string& email, bool billing) {
    json::object address{{"first_name", source.first_name},
                         {"last_name", source.last_name},
                         {"company", source.company.value_or("")},
                         {"address_1", source.street},
                         {"address_2", source.unit.value_or("")},
                         {"city", source.city},
                         {"state", source.region_code},
                         {"postcode", source.postcode},
                         {"country", source.country_code}};
    if (billing) {
        address["email"] = email;
    }
    address["phone"] = source.phone;
    return address;
}

struct LineTotals {
    int64_t subtotal = 0;
    int64_t total = 0;
    int64_t subtotal_tax = 0;
    int64_t total_tax = 0;
};

json::object LineItem(const OrderLine& line,
                      const Order& order,
                      int64_t item_id,
                      LineTotals& totals) {
    const int exponent = order.exponent;
    const int64_t subtotal = line.unit_price * line.quantity;
    const int64_t total = subtotal - line.discount;
    const int64_t subtotal_tax = PartOf(subtotal, order.tax_rate.basis_points);
    totals.subtotal += subtotal;
    totals.total += total;
    totals.subtotal_tax += subtotal_tax;
    totals.total_tax += line.tax;
    json::array line_taxes;
    if (order.tax_rate.basis_points > 0) {
        line_taxes.push_back({{"id", order.tax_rate.market_no},
                              {"total", WcPrice(line.tax, exponent)},
                              {"subtotal", WcPrice(subtotal_tax, exponent)}});
    }
    return {{"id", item_id},
            {"name", fmt::format("{} - {}", line.title, line.variant_title)},
            {"product_id", CatalogueProductPostId(line.product_no)},
            {"variation_id", CatalogueVariationPostId(line.product_no, line.variant_no)},
            {"quantity", line.quantity},
            {"tax_class", ""},
            {"subtotal", WcPrice(subtotal, exponent)},
            {"subtotal_tax", WcPrice(subtotal_tax, exponent)},
            {"total", WcPrice(total, exponent)},
            {"total_tax", WcPrice(line.tax, exponent)},
            {"taxes", std::move(line_taxes)},
            {"meta_data",
             json::array{{{"id", item_id * 10 + 1},
                          {"key", "option"},
                          {"value", line.variant_title},
                          {"display_key", "Option"},
                          {"display_value", line.variant_title}}}},
            {"sku", line.sku},
            {"price", WcPriceNumber(line.quantity > 0 ? total / line.quantity : 0, exponent)},
            {"image", {{"id", ""}, {"src", ""}}},
            {"parent_name", line.title}};
}

std::string StatusOf(const Order& order) {
    if (order.cancelled_at) {
        return order.payment_state == PaymentState::kRefunded ? "refunded" : "cancelled";
    }
    if (order.fulfilment) {
        return "completed";
    }
    // Some prepaid orders wait for a bank transfer, as real stores' orders do.
    const bool card = order.payment == PaymentMethod::kCard;
    return card && order.index % 13 == 7 ? "on-hold" : "processing";
}

struct Payment {
    std::string method;
    std::string title;
    std::string transaction_id;
};

Payment PaymentOf(const std::string& status, bool cod, int64_t order_id) {
    if (cod) {
        return {"cod", "Cash on delivery", ""};
    }
    if (status == "on-hold") {
        return {"bacs", "Direct bank transfer", ""};
    }
    return {"stripe", "Credit Card (Stripe)", "ch_" + StableHex(std::to_string(order_id), 24)};
}

std::string CurrencySymbol(std::string_view currency) {
    if (currency == "SAR") {
        return "&#x631;.&#x633;";
    }
    if (currency == "AED") {
        return "&#x62f;.&#x625;";
    }
    if (currency == "KWD") {
        return "&#x62f;.&#x643;";
    }
    if (currency == "EGP") {
        return "EGP";
    }
    return std::string(currency == "USD" ? "&#36;" : currency);
}

// The site has one tax rate per market; its id is the market's number.
json::array TaxLines(const Order& order, int64_t tax, int64_t item_id) {
    const TaxRate& rate = order.tax_rate;
    if (rate.basis_points == 0) {
        return {};
    }
    return {{{"id", item_id},
             {"rate_code", fmt::format("{}-{}-1", order.shipping_address.country_code, rate.title)},
             {"rate_id", rate.market_no},
             {"label", rate.title},
             {"compound", false},
             {"tax_total", WcPrice(tax, order.exponent)},
             {"shipping_tax_total", WcPrice(0, order.exponent)},
             {"rate_percent", static_cast<double>(rate.basis_points) / 100.0},
             {"meta_data", json::array{}}}};
}

json::array ShippingLines(const Order& order, int64_t item_id) {
    return {{{"id", item_id},
             {"method_title", order.shipping.title},
             {"method_id", "flat_rate"},
             {"instance_id", "1"},
             {"total", WcPrice(order.shipping.price, order.exponent)},
             {"total_tax", WcPrice(0, order.exponent)},
             {"taxes", json::array{}},
             {"meta_data", json::array{}}}};
}

json::array CouponLines(const Order& order, const LineTotals& totals, int64_t item_id) {
    if (!order.discount_code) {
        return {};
    }
    std::string code(order.discount_code->code);
    for (auto& c : code) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return {{{"id", item_id},
             {"code", code},
             {"discount", WcPrice(totals.subtotal - totals.total, order.exponent)},
             {"discount_tax", WcPrice(totals.subtotal_tax - totals.total_tax, order.exponent)},
             {"meta_data", json::array{}}}};
}

void PutTotals(json::object& fields, const LineTotals& totals, int64_t shipping, int exponent) {
    fields["discount_total"] = WcPrice(totals.subtotal - totals.total, exponent);
    fields["discount_tax"] = WcPrice(totals.subtotal_tax - totals.total_tax, exponent);
    fields["shipping_total"] = WcPrice(shipping, exponent);
    fields["shipping_tax"] = WcPrice(0, exponent);
    fields["cart_tax"] = WcPrice(totals.total_tax, exponent);
    fields["total"] = WcPrice(totals.total + shipping + totals.total_tax, exponent);
    fields["total_tax"] = WcPrice(totals.total_tax, exponent);
}

// The customer: about one in three generated buyers checks out as a guest (customer_id 0).
int64_t CustomerIdOf(const Customer& customer) {
    return customer.id % 3 == 0 ? 0 : customer.id % 5'000 + 1;
}

void PutLines(json::object& fields, const Order& order, int64_t& next_item_id) {
    LineTotals totals;
    json::array lines;
    for (const auto& line : order.lines) {
        lines.push_back(LineItem(line, order, next_item_id++, totals));
    }
    PutTotals(fields, totals, order.shipping.price, order.exponent);
    fields["meta_data"] = json::array{};
    fields["line_items"] = std::move(lines);
    fields["tax_lines"] = TaxLines(order, totals.total_tax, next_item_id++);
    fields["shipping_lines"] = ShippingLines(order, next_item_id++);
    fields["fee_lines"] = json::array{};
    fields["coupon_lines"] = CouponLines(order, totals, next_item_id++);
}

// WooCommerce keeps whole seconds.
TimePoint WholeSeconds(TimePoint time) {
    return std::chrono::floor<std::chrono::seconds>(time);
}

}  // namespace

WooOrder RenderGeneratedOrder(const Order& generated, int64_t order_id, int64_t& next_item_id) {
    WooOrder order;
    order.id = order_id;
    order.exponent = generated.exponent;
    const bool cod = generated.payment == PaymentMethod::kCashOnDelivery;
    order.status = StatusOf(generated);
    order.created = WholeSeconds(generated.created);
    order.modified = WholeSeconds(generated.updated);
    if (!cod && order.status != "on-hold") {
        order.paid = order.created + std::chrono::minutes(1);
    }
    if (order.status == "completed") {
        order.completed = order.modified;
        order.paid = order.paid ? order.paid : order.modified;
    }
    const Payment payment = PaymentOf(order.status, cod, order_id);
    const std::string& email = generated.customer.email;
    auto& f = order.fields;
    f["parent_id"] = 0;
    f["currency"] = generated.currency;
    f["version"] = kWcVersion;
    f["prices_include_tax"] = false;
    f["customer_id"] = CustomerIdOf(generated.customer);
    f["order_key"] = "wc_order_" + StableHex("key" + std::to_string(order_id), 13);
    f["billing"] = WooAddress(generated.billing_address, email, true);
    f["shipping"] = WooAddress(generated.shipping_address, email, false);
    f["payment_method"] = payment.method;
    f["payment_method_title"] = payment.title;
    f["transaction_id"] = payment.transaction_id;
    f["customer_ip_address"] = fmt::format("10.0.{}.{}", order_id % 200, order_id % 250);
    f["customer_user_agent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)";
    f["created_via"] = "checkout";
    f["customer_note"] = generated.note.value_or("");
    f["cart_hash"] = StableHex("cart" + std::to_string(order_id), 32);
    PutLines(f, generated, next_item_id);
    f["currency_symbol"] = CurrencySymbol(generated.currency);
    return order;
}

}  // namespace scs::sandbox::woocommerce
