#include "sandbox/generator/order_generator.hpp"

#include <algorithm>
#include <string_view>

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include "sandbox/generator/generator_catalogue.hpp"
#include "sandbox/generator/rest_format.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

constexpr int64_t kOrderIdBase = 5'500'000'000'000;
constexpr int64_t kBigOrderIdBase = 9'007'199'254'740'993;  // 2^53 + 1: not a double
constexpr int64_t kLineIdBase = 14'000'000'000'000;
constexpr int64_t kBigLineIdBase = 9'100'000'000'000'000'001;
constexpr int64_t kCustomerIdBase = 7'100'000'000'000;
constexpr int64_t kLocationIdBase = kCatalogueLocationIdBase;
constexpr int64_t kSecondsPerDay = 86'400;

// splitmix64: tiny, and unlike <random>'s distributions gives the same numbers everywhere.
class Draw {
public:
    explicit Draw(uint64_t seed) : state_(seed) {}

    uint64_t Next() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31U);
    }

    int64_t Below(int64_t n) { return static_cast<int64_t>(Next() % static_cast<uint64_t>(n)); }

    bool Chance(int percent) { return Below(100) < percent; }

    template <class Array>
    const auto& Pick(const Array& array) {
        return array[static_cast<size_t>(Below(static_cast<int64_t>(array.size())))];
    }

private:
    uint64_t state_;
};

struct Totals {
    int64_t lines = 0;
    int64_t discounts = 0;
    int64_t tax = 0;
};

struct OrderContext {
    const GeneratorSettings& settings;
    const Market& market;
    int64_t index;
    int discount_percent;
};

void PutMoney(json::object& object, std::string_view key, int64_t minor, const Market& market) {
    const std::string amount = FormatMinorUnits(minor, market.exponent);
    object[key] = amount;
    object[std::string(key) + "_set"] = RestMoneyBag(amount, market.currency);
}

int64_t Percent(int64_t amount, int64_t basis_points) {
    return (amount * basis_points + 5'000) / 10'000;
}

int64_t PriceIn(const Market& market, int64_t usd_cents) {
    const double major = static_cast<double>(usd_cents) / 100.0 * market.per_usd;
    double minor = major;
    for (int i = 0; i < market.exponent; ++i) {
        minor *= 10;
    }
    // Shop prices end in round numbers: whole units, or 5 fils for 3-decimal currencies.
    const int64_t step = market.exponent == 3 ? 5 : 100;
    return std::max<int64_t>(step, static_cast<int64_t>(minor) / step * step);
}

json::object TaxLine(const Market& market, int64_t tax) {
    json::object line;
    PutMoney(line, "price", tax, market);
    line["rate"] = static_cast<double>(market.tax_basis_points) / 10'000.0;
    line["title"] = market.tax_title;
    line["channel_liable"] = false;
    return line;
}

json::object BuildLine(Draw& draw, const OrderContext& context, int line_no, Totals& totals) {
    const Market& market = context.market;
    const int64_t product_no = draw.Below(static_cast<int64_t>(Products().size()));
    const Product& product = Products()[static_cast<size_t>(product_no)];
    const auto variant_no = draw.Below(3);
    const std::string_view variant = product.variants[static_cast<size_t>(variant_no)];
    const int64_t quantity = 1 + draw.Below(3);
    const int64_t price = PriceIn(market, product.usd_cents);
    const int64_t discount = Percent(price * quantity, int64_t{context.discount_percent} * 100);
    const int64_t tax = Percent(price * quantity - discount, market.tax_basis_points);
    totals.lines += price * quantity;
    totals.discounts += discount;
    totals.tax += tax;
    const int64_t id =
        (context.settings.big_ids ? kBigLineIdBase : kLineIdBase) + context.index * 10 + line_no;
    json::object line{{"id", id},
                      {"admin_graphql_api_id", Gid("LineItem", std::to_string(id))},
                      {"product_id", CatalogueProductId(product_no)},
                      {"variant_id", CatalogueVariantId(product_no, variant_no)},
                      {"sku", CatalogueSku(product_no, variant_no)},
                      {"title", product.title},
                      {"variant_title", variant},
                      {"name", fmt::format("{} - {}", product.title, variant)},
                      {"vendor", product.vendor},
                      {"quantity", quantity},
                      {"current_quantity", quantity},
                      {"fulfillable_quantity", quantity},
                      {"grams", product.grams},
                      {"requires_shipping", true},
                      {"taxable", market.tax_basis_points > 0},
                      {"gift_card", false},
                      {"product_exists", true},
                      {"fulfillment_service", "manual"},
                      {"fulfillment_status", nullptr},
                      {"variant_inventory_management", "shopify"},
                      {"properties", json::array{}},
                      {"duties", json::array{}}};
    PutMoney(line, "price", price, market);
    PutMoney(line, "total_discount", discount, market);
    json::array taxes;
    if (market.tax_basis_points > 0) {
        taxes.push_back(TaxLine(market, tax));
    }
    line["tax_lines"] = std::move(taxes);
    return line;
}

struct Person {
    std::string first_name;
    std::string last_name;
    std::string phone;
};

Person DrawPerson(Draw& draw, const Market& market) {
    const bool arabic = market.arabic && draw.Chance(80);
    Person person;
    person.first_name = arabic ? draw.Pick(kArabicFirstNames) : draw.Pick(kEnglishFirstNames);
    person.last_name = arabic ? draw.Pick(kArabicLastNames) : draw.Pick(kEnglishLastNames);
    person.phone = fmt::format("{}{:07}", market.phone_prefix, draw.Below(10'000'000));
    return person;
}

json::object BuildAddress(Draw& draw, const Market& market, const Person& person) {
    const City& city = draw.Pick(market.cities);
    return {{"first_name", person.first_name},
            {"last_name", person.last_name},
            {"name", person.first_name + " " + person.last_name},
            {"company", draw.Chance(20) ? json::value("مؤسسة النخبة التجارية") : nullptr},
            {"address1", fmt::format("{} {}", draw.Below(400) + 1, draw.Pick(kStreets))},
            {"address2", draw.Chance(30) ? json::value("الدور الثاني") : nullptr},
            {"city", city.name},
            {"province", city.province},
            {"province_code", city.province_code},
            {"country", market.country},
            {"country_code", market.country_code},
            {"zip", fmt::format("{:05}", draw.Below(99'999))},
            {"phone", person.phone},
            {"latitude", city.latitude},
            {"longitude", city.longitude}};
}

json::object BuildCustomer(Draw& draw, const Person& person, const Market& market) {
    const int64_t id = kCustomerIdBase + draw.Below(5'000);
    return {{"id", id},
            {"admin_graphql_api_id", Gid("Customer", std::to_string(id))},
            {"first_name", person.first_name},
            {"last_name", person.last_name},
            {"email", fmt::format("customer{}@example.com", id % 100'000)},
            {"phone", person.phone},
            {"currency", market.currency},
            {"state", "enabled"},
            {"tags", ""},
            {"verified_email", true},
            {"tax_exempt", false}};
}

const Market& ChooseMarket(Draw& draw, const std::string& currency) {
    for (const auto& market : Markets()) {
        if (market.currency == currency) {
            return market;
        }
    }
    return draw.Pick(Markets());
}

struct Times {
    TimePoint created;
    TimePoint updated;
};

Times DrawTimes(Draw& draw, TimePoint anchor, std::optional<TimePoint> placed_at) {
    if (placed_at) {
        return {*placed_at, *placed_at};
    }
    const auto age = std::chrono::seconds(draw.Below(7 * kSecondsPerDay));
    const auto created = anchor - age;
    const auto edit_window = std::min<int64_t>(age.count(), 2 * kSecondsPerDay) + 1;
    return {created, created + std::chrono::seconds(draw.Below(edit_window))};
}

void AddLinesAndTotals(json::object& order, Draw& draw, const OrderContext& context) {
    const Market& market = context.market;
    Totals totals;
    json::array lines;
    const int64_t line_count = 1 + draw.Below(4);
    for (int line_no = 0; line_no < line_count; ++line_no) {
        lines.push_back(BuildLine(draw, context, line_no, totals));
    }
    order["line_items"] = std::move(lines);
    const int64_t subtotal = totals.lines - totals.discounts;
    const int64_t total = subtotal + market.shipping_minor + totals.tax;
    PutMoney(order, "total_line_items_price", totals.lines, market);
    PutMoney(order, "total_discounts", totals.discounts, market);
    PutMoney(order, "subtotal_price", subtotal, market);
    PutMoney(order, "total_tax", totals.tax, market);
    PutMoney(order, "total_price", total, market);
    PutMoney(order, "current_total_price", total, market);
    PutMoney(order, "current_subtotal_price", subtotal, market);
    PutMoney(order, "current_total_tax", totals.tax, market);
    PutMoney(order, "current_total_discounts", totals.discounts, market);
    order["total_shipping_price_set"] =
        RestMoneyBag(FormatMinorUnits(market.shipping_minor, market.exponent), market.currency);
    order["total_tip_received"] = FormatMinorUnits(0, market.exponent);
    json::array tax_lines;
    if (market.tax_basis_points > 0) {
        tax_lines.push_back(TaxLine(market, totals.tax));
    }
    order["tax_lines"] = std::move(tax_lines);
    json::array codes;
    if (context.discount_percent > 0) {
        codes.push_back({{"code", "RAMADAN10"},
                         {"amount", FormatMinorUnits(totals.discounts, market.exponent)},
                         {"type", "percentage"}});
    }
    order["discount_codes"] = std::move(codes);
    order["total_outstanding"] = FormatMinorUnits(total, market.exponent);
}

json::object ShippingLine(const Market& market) {
    const std::string price = FormatMinorUnits(market.shipping_minor, market.exponent);
    return {{"id", 4'200'000'000'000},
            {"code", "standard"},
            {"title", market.arabic ? "التوصيل القياسي" : "Standard Shipping"},
            {"source", "shopify"},
            {"price", price},
            {"price_set", RestMoneyBag(price, market.currency)},
            {"discounted_price", price},
            {"tax_lines", json::array{}},
            {"discount_allocations", json::array{}},
            {"is_removed", false}};
}

// Payment, cancellation and fulfillment: the facts the canonical status is derived from.
void AddStatus(json::object& order, Draw& draw, const Market& market, const Times& times) {
    const bool cod = draw.Chance(45);
    const bool cancelled = draw.Chance(8);
    order["payment_gateway_names"] =
        json::array{cod ? "Cash on Delivery (COD)" : "shopify_payments"};
    order["financial_status"] =
        cancelled ? (cod ? "voided" : "refunded") : (cod ? "pending" : "paid");
    if (!cod || cancelled) {
        order["total_outstanding"] = FormatMinorUnits(0, market.exponent);
    }
    order["cancelled_at"] =
        cancelled ? json::value(FormatWithOffset(times.updated, market.utc_offset_minutes))
                  : nullptr;
    order["cancel_reason"] = cancelled ? json::value("customer") : nullptr;
    const bool fulfilled = !cancelled && draw.Chance(30);
    const int64_t location = kLocationIdBase + draw.Below(3);
    order["fulfillment_status"] = fulfilled ? json::value("fulfilled") : nullptr;
    json::array fulfillments;
    if (fulfilled) {
        fulfillments.push_back({{"id", 5'100'000'000'000 + draw.Below(1'000'000)},
                                {"location_id", location},
                                {"status", "success"}});
    }
    order["fulfillments"] = std::move(fulfillments);
    if (draw.Chance(15)) {
        order["location_id"] = location;
    }
}

}  // namespace

int64_t GeneratedOrderId(const GeneratorSettings& settings, int64_t index) {
    const int64_t base = settings.big_ids ? kBigOrderIdBase : kOrderIdBase;
    return base + static_cast<int64_t>(settings.seed % 10'000) * 100'000 + index * 7;
}

json::object GenerateOrder(const GeneratorSettings& settings,
                           int64_t index,
                           std::optional<TimePoint> placed_at) {
    Draw draw(settings.seed * 1'000'003 + static_cast<uint64_t>(index));
    const Market& market = ChooseMarket(draw, settings.currency);
    const Times times = DrawTimes(draw, settings.anchor, placed_at);
    const int64_t id = GeneratedOrderId(settings, index);
    const Person buyer = DrawPerson(draw, market);
    const std::string created = FormatWithOffset(times.created, market.utc_offset_minutes);
    json::object order{{"id", id},
                       {"admin_graphql_api_id", Gid("Order", std::to_string(id))},
                       {"name", fmt::format("#{}", 1001 + index)},
                       {"number", 1 + index},
                       {"order_number", 1001 + index},
                       {"confirmation_number", fmt::format("C{:08X}", draw.Next() % 0xFFFFFFFFU)},
                       {"created_at", created},
                       {"processed_at", created},
                       {"updated_at", FormatWithOffset(times.updated, market.utc_offset_minutes)},
                       {"closed_at", nullptr},
                       {"currency", market.currency},
                       {"presentment_currency", market.currency},
                       {"taxes_included", false},
                       {"test", false},
                       {"source_name", "web"},
                       {"note", draw.Chance(25) ? json::value(draw.Pick(kNotes)) : nullptr},
                       {"note_attributes", json::array{}},
                       {"tags", draw.Chance(40) ? draw.Pick(kTags) : ""},
                       {"refunds", json::array{}}};
    const int discount_percent = draw.Chance(30) ? 10 : 0;
    AddLinesAndTotals(order, draw, OrderContext{settings, market, index, discount_percent});
    AddStatus(order, draw, market, times);
    order["customer"] = BuildCustomer(draw, buyer, market);
    order["email"] = order["customer"].as_object()["email"];
    order["contact_email"] = order["email"];
    order["phone"] = buyer.phone;
    order["shipping_address"] = BuildAddress(draw, market, buyer);
    order["billing_address"] =
        draw.Chance(70) ? order["shipping_address"] : BuildAddress(draw, market, buyer);
    order["shipping_lines"] = json::array{ShippingLine(market)};
    order["total_weight"] = 0;
    return order;
}

}  // namespace scs::sandbox
