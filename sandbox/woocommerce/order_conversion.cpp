// ConvertGeneratedOrder: the shared generator's orders (Shopify's REST shape) as WooCommerce
// orders.
#include <cmath>

#include <fmt/format.h>

#include "core/money.hpp"
#include "sandbox/generator/generator_catalogue.hpp"
#include "sandbox/woocommerce/woo_order.hpp"
#include "sandbox/woocommerce/wp_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

std::string Text(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

int64_t Minor(const json::object& object, std::string_view key, int exponent) {
    const auto* value = object.if_contains(key);
    return value == nullptr ? 0 : ParseWcPrice(*value, exponent).value_or(0);
}

int64_t IntOf(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_int64() ? value->get_int64() : 0;
}

int64_t Percent(int64_t amount, int64_t basis_points) {
    return (amount * basis_points + 5'000) / 10'000;
}

// A stable pseudo-random hex string derived from `seed_text`.
std::string StableHex(const std::string& seed_text, size_t length) {
    return HexEncode(Sha256(seed_text)).substr(0, length);
}

json::object Address(const json::object& source, const std::string& email, bool billing) {
    json::object address{{"first_name", Text(source, "first_name")},
                         {"last_name", Text(source, "last_name")},
                         {"company", Text(source, "company")},
                         {"address_1", Text(source, "address1")},
                         {"address_2", Text(source, "address2")},
                         {"city", Text(source, "city")},
                         {"state", Text(source, "province_code")},
                         {"postcode", Text(source, "zip")},
                         {"country", Text(source, "country_code")}};
    if (billing) {
        address["email"] = email;
    }
    address["phone"] = Text(source, "phone");
    return address;
}

struct TaxRate {
    int64_t id = 0;
    int64_t basis_points = 0;
    std::string label;
    std::string country;
};

TaxRate RateOf(const json::object& generated) {
    TaxRate rate;
    const auto& shipping = generated.at("shipping_address").as_object();
    rate.country = Text(shipping, "country_code");
    const auto& lines = generated.at("tax_lines").as_array();
    if (lines.empty()) {
        return rate;
    }
    const auto& line = lines.front().as_object();
    rate.basis_points = std::lround(line.at("rate").to_number<double>() * 10'000);
    rate.label = Text(line, "title");
    int64_t index = 1;
    for (const auto& market : Markets()) {
        if (market.country_code == rate.country) {
            rate.id = index;
        }
        ++index;
    }
    return rate;
}

struct LineTotals {
    int64_t subtotal = 0;
    int64_t total = 0;
    int64_t subtotal_tax = 0;
    int64_t total_tax = 0;
};

json::object ConvertLine(const json::object& line,
                         const TaxRate& rate,
                         int exponent,
                         int64_t item_id,
                         LineTotals& totals) {
    const int64_t product_no = IntOf(line, "product_id") - kCatalogueProductIdBase;
    const int64_t variant_no = IntOf(line, "variant_id") - IntOf(line, "product_id") * 10;
    const int64_t quantity = IntOf(line, "quantity");
    const int64_t subtotal = Minor(line, "price", exponent) * quantity;
    const int64_t total = subtotal - Minor(line, "total_discount", exponent);
    const auto& taxes = line.at("tax_lines").as_array();
    const int64_t total_tax = taxes.empty() ? 0 : Minor(taxes[0].as_object(), "price", exponent);
    const int64_t subtotal_tax = taxes.empty() ? 0 : Percent(subtotal, rate.basis_points);
    totals.subtotal += subtotal;
    totals.total += total;
    totals.subtotal_tax += subtotal_tax;
    totals.total_tax += total_tax;
    json::array line_taxes;
    if (!taxes.empty()) {
        line_taxes.push_back({{"id", rate.id},
                              {"total", WcPrice(total_tax, exponent)},
                              {"subtotal", WcPrice(subtotal_tax, exponent)}});
    }
    const std::string variant = Text(line, "variant_title");
    return {{"id", item_id},
            {"name", Text(line, "name")},
            {"product_id", CatalogueProductPostId(product_no)},
            {"variation_id", CatalogueVariationPostId(product_no, variant_no)},
            {"quantity", quantity},
            {"tax_class", ""},
            {"subtotal", WcPrice(subtotal, exponent)},
            {"subtotal_tax", WcPrice(subtotal_tax, exponent)},
            {"total", WcPrice(total, exponent)},
            {"total_tax", WcPrice(total_tax, exponent)},
            {"taxes", std::move(line_taxes)},
            {"meta_data",
             json::array{{{"id", item_id * 10 + 1},
                          {"key", "option"},
                          {"value", variant},
                          {"display_key", "Option"},
                          {"display_value", variant}}}},
            {"sku", Text(line, "sku")},
            {"price", WcPriceNumber(quantity > 0 ? total / quantity : 0, exponent)},
            {"image", {{"id", ""}, {"src", ""}}},
            {"parent_name", Text(line, "title")}};
}

std::string ConvertStatus(const json::object& generated, int64_t index, bool cod) {
    const bool cancelled = !generated.at("cancelled_at").is_null();
    if (cancelled) {
        return Text(generated, "financial_status") == "refunded" ? "refunded" : "cancelled";
    }
    if (Text(generated, "fulfillment_status") == "fulfilled") {
        return "completed";
    }
    // Some prepaid orders wait for a bank transfer, as real stores' orders do.
    return !cod && index % 13 == 7 ? "on-hold" : "processing";
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

std::string CurrencySymbol(const std::string& currency) {
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
    return currency == "USD" ? "&#36;" : currency;
}

json::array TaxLines(const TaxRate& rate, int64_t tax, int exponent, int64_t item_id) {
    if (rate.basis_points == 0) {
        return {};
    }
    return {{{"id", item_id},
             {"rate_code", fmt::format("{}-{}-1", rate.country, rate.label)},
             {"rate_id", rate.id},
             {"label", rate.label},
             {"compound", false},
             {"tax_total", WcPrice(tax, exponent)},
             {"shipping_tax_total", WcPrice(0, exponent)},
             {"rate_percent", static_cast<double>(rate.basis_points) / 100.0},
             {"meta_data", json::array{}}}};
}

json::array ShippingLines(const json::object& generated, int exponent, int64_t item_id) {
    const auto& line = generated.at("shipping_lines").as_array().front().as_object();
    return {{{"id", item_id},
             {"method_title", Text(line, "title")},
             {"method_id", "flat_rate"},
             {"instance_id", "1"},
             {"total", WcPrice(Minor(line, "price", exponent), exponent)},
             {"total_tax", WcPrice(0, exponent)},
             {"taxes", json::array{}},
             {"meta_data", json::array{}}}};
}

json::array CouponLines(const json::object& generated,
                        const LineTotals& totals,
                        int exponent,
                        int64_t item_id) {
    json::array coupons;
    for (const auto& code : generated.at("discount_codes").as_array()) {
        std::string name = Text(code.as_object(), "code");
        for (auto& c : name) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        coupons.push_back(
            {{"id", item_id},
             {"code", name},
             {"discount", WcPrice(totals.subtotal - totals.total, exponent)},
             {"discount_tax", WcPrice(totals.subtotal_tax - totals.total_tax, exponent)},
             {"meta_data", json::array{}}});
    }
    return coupons;
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
int64_t CustomerIdOf(const json::object& generated) {
    const int64_t shopify_id = IntOf(generated.at("customer").as_object(), "id");
    return shopify_id % 3 == 0 ? 0 : shopify_id % 5'000 + 1;
}

void PutLines(json::object& fields,
              const json::object& generated,
              int exponent,
              int64_t& next_item_id) {
    const TaxRate rate = RateOf(generated);
    LineTotals totals;
    json::array lines;
    for (const auto& line : generated.at("line_items").as_array()) {
        lines.push_back(ConvertLine(line.as_object(), rate, exponent, next_item_id++, totals));
    }
    const int64_t shipping = Minor(
        generated.at("total_shipping_price_set").at("shop_money").as_object(), "amount", exponent);
    PutTotals(fields, totals, shipping, exponent);
    fields["meta_data"] = json::array{};
    fields["line_items"] = std::move(lines);
    fields["tax_lines"] = TaxLines(rate, totals.total_tax, exponent, next_item_id++);
    fields["shipping_lines"] = ShippingLines(generated, exponent, next_item_id++);
    fields["fee_lines"] = json::array{};
    fields["coupon_lines"] = CouponLines(generated, totals, exponent, next_item_id++);
}

}  // namespace

WooOrder ConvertGeneratedOrder(const json::object& generated,
                               int64_t order_id,
                               int64_t generator_index,
                               int64_t& next_item_id) {
    WooOrder order;
    order.id = order_id;
    const std::string currency = Text(generated, "currency");
    order.exponent = CurrencyExponent(currency).value_or(2);
    const bool cod = generated.at("payment_gateway_names").as_array().front().as_string() ==
                     "Cash on Delivery (COD)";
    order.status = ConvertStatus(generated, generator_index, cod);
    order.created = ParseRfc3339(Text(generated, "created_at")).value_or(TimePoint{});
    order.modified = ParseRfc3339(Text(generated, "updated_at")).value_or(order.created);
    if (!cod && order.status != "on-hold") {
        order.paid = order.created + std::chrono::minutes(1);
    }
    if (order.status == "completed") {
        order.completed = order.modified;
        order.paid = order.paid ? order.paid : order.modified;
    }
    const Payment payment = PaymentOf(order.status, cod, order_id);
    const std::string email = Text(generated, "email");
    auto& f = order.fields;
    f["parent_id"] = 0;
    f["currency"] = currency;
    f["version"] = kWcVersion;
    f["prices_include_tax"] = false;
    f["customer_id"] = CustomerIdOf(generated);
    f["order_key"] = "wc_order_" + StableHex("key" + std::to_string(order_id), 13);
    f["billing"] = Address(generated.at("billing_address").as_object(), email, true);
    f["shipping"] = Address(generated.at("shipping_address").as_object(), email, false);
    f["payment_method"] = payment.method;
    f["payment_method_title"] = payment.title;
    f["transaction_id"] = payment.transaction_id;
    f["customer_ip_address"] = fmt::format("10.0.{}.{}", order_id % 200, order_id % 250);
    f["customer_user_agent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)";
    f["created_via"] = "checkout";
    const auto* note = generated.if_contains("note");
    f["customer_note"] = note != nullptr && note->is_string() ? note->get_string() : "";
    f["cart_hash"] = StableHex("cart" + std::to_string(order_id), 32);
    PutLines(f, generated, order.exponent, next_item_id);
    f["currency_symbol"] = CurrencySymbol(currency);
    return order;
}

}  // namespace scs::sandbox::woocommerce
