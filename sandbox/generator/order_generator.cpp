#include "sandbox/generator/order_generator.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sandbox/generator/generator_catalogue.hpp"

namespace scs::sandbox {
namespace {

constexpr int64_t kOrderIdBase = 5'500'000'000'000;
constexpr int64_t kBigOrderIdBase = 9'007'199'254'740'993;  // 2^53 + 1: not a double
constexpr int64_t kLineIdBase = 14'000'000'000'000;
constexpr int64_t kBigLineIdBase = 9'100'000'000'000'000'001;
constexpr int64_t kCustomerIdBase = 7'100'000'000'000;
constexpr int64_t kShippingLineId = 4'200'000'000'000;
constexpr int64_t kFulfilmentIdBase = 5'100'000'000'000;
constexpr int64_t kSecondsPerDay = 86'400;

// splitmix64: tiny, and unlike <random>'s distributions gives the same numbers everywhere.
// Every draw below happens in a fixed order: reordering them changes every seed's orders.
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

OrderLine DrawLine(Draw& draw,
                   const Order& order,
                   const GeneratorSettings& settings,
                   const Market& market,
                   int line_no) {
    OrderLine line;
    line.product_no = draw.Below(static_cast<int64_t>(Products().size()));
    const Product& product = Products()[static_cast<size_t>(line.product_no)];
    line.variant_no = draw.Below(3);
    line.quantity = 1 + draw.Below(3);
    line.id = (settings.big_ids ? kBigLineIdBase : kLineIdBase) + order.index * 10 + line_no;
    line.sku = CatalogueSku(line.product_no, line.variant_no);
    line.title = product.title;
    line.variant_title = product.variants[static_cast<size_t>(line.variant_no)];
    line.vendor = product.vendor;
    line.grams = product.grams;
    line.unit_price = ShopPrice(PriceBasisOf(market), product.usd_cents);
    const int64_t gross = line.unit_price * line.quantity;
    const int percent = order.discount_code ? order.discount_code->percent : 0;
    line.discount = PartOf(gross, int64_t{percent} * 100);
    line.tax = PartOf(gross - line.discount, market.tax_basis_points);
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

std::optional<std::string> Maybe(bool present, std::string_view text) {
    return present ? std::optional<std::string>(text) : std::nullopt;
}

Address DrawAddress(Draw& draw, const Market& market, const Person& person) {
    const City& city = draw.Pick(market.cities);
    Address address;
    address.first_name = person.first_name;
    address.last_name = person.last_name;
    address.company = Maybe(draw.Chance(20), "مؤسسة النخبة التجارية");
    // One expression, as it always was: the compiler's order of these two draws is part of
    // every seed's addresses.
    address.street = fmt::format("{} {}", draw.Below(400) + 1, draw.Pick(kStreets));
    address.unit = Maybe(draw.Chance(30), "الدور الثاني");
    address.city = city.name;
    address.region = city.province;
    address.region_code = city.province_code;
    address.country = market.country;
    address.country_code = market.country_code;
    address.postcode = fmt::format("{:05}", draw.Below(99'999));
    address.phone = person.phone;
    address.latitude = city.latitude;
    address.longitude = city.longitude;
    return address;
}

Customer DrawCustomer(Draw& draw, const Person& person) {
    const int64_t id = kCustomerIdBase + draw.Below(5'000);
    return {id,
            person.first_name,
            person.last_name,
            fmt::format("customer{}@example.com", id % 100'000),
            person.phone};
}

std::pair<const Market*, int64_t> ChooseMarket(Draw& draw, const std::string& currency) {
    const auto& markets = Markets();
    const auto* found = std::find_if(
        markets.begin(), markets.end(), [&](const Market& m) { return m.currency == currency; });
    const Market& market = found != markets.end() ? *found : draw.Pick(markets);
    return {&market, &market - markets.data() + 1};
}

void DrawTimes(Order& order, Draw& draw, TimePoint anchor, std::optional<TimePoint> placed_at) {
    if (placed_at) {
        order.created = order.updated = *placed_at;
        return;
    }
    const auto age = std::chrono::seconds(draw.Below(7 * kSecondsPerDay));
    order.created = anchor - age;
    const auto edit_window = std::min<int64_t>(age.count(), 2 * kSecondsPerDay) + 1;
    order.updated = order.created + std::chrono::seconds(draw.Below(edit_window));
}

void DrawLines(Order& order, Draw& draw, const GeneratorSettings& settings, const Market& market) {
    const int64_t line_count = 1 + draw.Below(4);
    for (int line_no = 0; line_no < line_count; ++line_no) {
        order.lines.push_back(DrawLine(draw, order, settings, market, line_no));
    }
}

// Payment, cancellation and fulfilment: the facts each platform's statuses are derived from.
void DrawState(Order& order, Draw& draw) {
    const bool cod = draw.Chance(45);
    const bool cancelled = draw.Chance(8);
    order.payment = cod ? PaymentMethod::kCashOnDelivery : PaymentMethod::kCard;
    order.payment_state = cancelled ? (cod ? PaymentState::kVoided : PaymentState::kRefunded)
                                    : (cod ? PaymentState::kPending : PaymentState::kPaid);
    if (cancelled) {
        order.cancelled_at = order.updated;
    }
    const bool fulfilled = !cancelled && draw.Chance(30);
    const int64_t location = kCatalogueLocationIdBase + draw.Below(3);
    if (fulfilled) {
        order.fulfilment = Fulfilment{kFulfilmentIdBase + draw.Below(1'000'000), location};
    }
    if (draw.Chance(15)) {
        order.location_id = location;
    }
}

}  // namespace

int64_t PartOf(int64_t amount, int64_t basis_points) {
    return (amount * basis_points + 5'000) / 10'000;
}

OrderTotals TotalsOf(const Order& order) {
    OrderTotals totals;
    for (const auto& line : order.lines) {
        totals.lines += line.unit_price * line.quantity;
        totals.discounts += line.discount;
        totals.tax += line.tax;
    }
    totals.subtotal = totals.lines - totals.discounts;
    totals.total = totals.subtotal + order.shipping.price + totals.tax;
    return totals;
}

int64_t GeneratedOrderId(const GeneratorSettings& settings, int64_t index) {
    const int64_t base = settings.big_ids ? kBigOrderIdBase : kOrderIdBase;
    return base + static_cast<int64_t>(settings.seed % 10'000) * 100'000 + index * 7;
}

Order GenerateOrder(const GeneratorSettings& settings,
                    int64_t index,
                    std::optional<TimePoint> placed_at) {
    Draw draw(settings.seed * 1'000'003 + static_cast<uint64_t>(index));
    Order order;
    const auto [market, market_no] = ChooseMarket(draw, settings.currency);
    DrawTimes(order, draw, settings.anchor, placed_at);
    const Person buyer = DrawPerson(draw, *market);
    order.id = GeneratedOrderId(settings, index);
    order.index = index;
    order.number = 1001 + index;
    order.confirmation = fmt::format("C{:08X}", draw.Next() % 0xFFFFFFFFU);
    order.currency = market->currency;
    order.exponent = market->exponent;
    order.utc_offset_minutes = market->utc_offset_minutes;
    order.note = draw.Chance(25) ? std::optional(draw.Pick(kNotes)) : std::nullopt;
    order.tag = draw.Chance(40) ? draw.Pick(kTags) : "";
    order.tax_rate = {market_no, market->tax_basis_points, market->tax_title};
    if (draw.Chance(30)) {
        order.discount_code = DiscountCode{"RAMADAN10", 10};
    }
    DrawLines(order, draw, settings, *market);
    order.shipping = {kShippingLineId,
                      market->arabic ? "التوصيل القياسي" : "Standard Shipping",
                      market->shipping_minor};
    DrawState(order, draw);
    order.customer = DrawCustomer(draw, buyer);
    order.shipping_address = DrawAddress(draw, *market, buyer);
    order.billing_address =
        draw.Chance(70) ? order.shipping_address : DrawAddress(draw, *market, buyer);
    return order;
}

}  // namespace scs::sandbox
