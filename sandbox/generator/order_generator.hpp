#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

// The platform-neutral, deterministic order generator: SAR, AED, KWD (3 decimals), EGP and USD;
// Arabic and English names and addresses; several lines with variants, SKUs, discounts and
// taxes; cash on delivery (pending, outstanding) and prepaid; some cancelled and some fulfilled.
// Plain data in minor units and instants; each emulator renders it into its own shape
// (shopify/shopify_render.hpp, woocommerce/woo_render.cpp). Pure functions; thread-safe.
namespace scs::sandbox {

struct GeneratorSettings {
    uint64_t seed = 1;
    bool big_ids = false;  // ids above 2^53, to catch clients that parse ids as doubles
    std::string currency;  // "" draws each order's market from the seed
    TimePoint anchor{};    // seeded orders are spread over the 7 days before this instant
};

struct Address {
    std::string first_name;
    std::string last_name;
    std::optional<std::string> company;
    std::string street;               // "<house number> <street>"
    std::optional<std::string> unit;  // the second address line
    std::string city;
    std::string region;
    std::string region_code;
    std::string country;
    std::string country_code;
    std::string postcode;
    std::string phone;
    double latitude = 0;
    double longitude = 0;
};

struct Customer {
    int64_t id = 0;
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string phone;
};

// One line: a catalogue variant (generator_catalogue.hpp numbering), its quantity, and money in
// the order currency's minor units; `discount` and `tax` are for the whole line.
struct OrderLine {
    int64_t id = 0;
    int64_t product_no = 0;
    int64_t variant_no = 0;
    std::string sku;
    std::string_view title;
    std::string_view variant_title;
    std::string_view vendor;
    int grams = 0;
    int64_t quantity = 0;
    int64_t unit_price = 0;
    int64_t discount = 0;
    int64_t tax = 0;
};

struct TaxRate {
    int64_t market_no = 0;  // the market's place in Markets(), from 1
    int basis_points = 0;   // 1500 = 15%; 0: the order is not taxed
    std::string_view title;
};

struct DiscountCode {
    std::string_view code;  // upper case, e.g. "RAMADAN10"
    int percent = 0;
};

struct Shipping {
    int64_t id = 0;
    std::string_view title;
    int64_t price = 0;  // untaxed
};

enum class PaymentMethod { kCashOnDelivery, kCard };
enum class PaymentState { kPending, kPaid, kVoided, kRefunded };

struct Fulfilment {
    int64_t id = 0;
    int64_t location_id = 0;
};

struct Order {
    int64_t id = 0;
    int64_t index = 0;   // 0-based place in the store's sequence
    int64_t number = 0;  // 1001 + index
    std::string confirmation;
    std::string_view currency;
    int exponent = 2;
    int utc_offset_minutes = 0;  // the market's local time
    TimePoint created;
    TimePoint updated;
    std::optional<std::string_view> note;
    std::string_view tag;  // "" for none
    std::vector<OrderLine> lines;
    TaxRate tax_rate;
    std::optional<DiscountCode> discount_code;
    Shipping shipping;
    PaymentMethod payment = PaymentMethod::kCard;
    PaymentState payment_state = PaymentState::kPaid;
    std::optional<TimePoint> cancelled_at;  // cancelled by the customer
    std::optional<Fulfilment> fulfilment;
    std::optional<int64_t> location_id;  // the point of sale, for some orders
    Customer customer;
    Address shipping_address;
    Address billing_address;
};

struct OrderTotals {
    int64_t lines = 0;      // unit price x quantity, before discounts
    int64_t discounts = 0;  // the discount code's part of them
    int64_t tax = 0;
    int64_t subtotal = 0;  // lines - discounts
    int64_t total = 0;     // subtotal + shipping + tax
};

// `basis_points` of `amount`, rounded half up: how the generator's discounts and taxes round,
// and so how a renderer must round the amounts it derives from them.
int64_t PartOf(int64_t amount, int64_t basis_points);

// The sums over an order's lines.
OrderTotals TotalsOf(const Order& order);

// Order number `index` (0-based; number 1001 + index). With `placed_at`, the order was created
// and last updated then; without, both times are drawn from the 7 days before the anchor. The
// same settings and arguments always give the same order.
Order GenerateOrder(const GeneratorSettings& settings,
                    int64_t index,
                    std::optional<TimePoint> placed_at);

// The id GenerateOrder gives order `index`.
int64_t GeneratedOrderId(const GeneratorSettings& settings, int64_t index);

}  // namespace scs::sandbox
