#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

// The fixed data the order generator draws from: markets (currency, country, tax, names,
// cities) and a small product catalogue every store stocks, with its ids, SKUs and prices.
// Constant tables and pure functions; thread-safe.
namespace scs::sandbox {

struct City {
    std::string_view name;
    std::string_view province;
    std::string_view province_code;
    double latitude;
    double longitude;
};

struct Market {
    std::string_view currency;
    int exponent;
    std::string_view country_code;
    std::string_view country;
    int utc_offset_minutes;
    int tax_basis_points;  // 1500 = 15%
    std::string_view tax_title;
    double per_usd;  // shop-currency units per US dollar
    int64_t shipping_minor;
    std::string_view phone_prefix;
    bool arabic;  // names and addresses mostly in Arabic
    std::array<City, 2> cities;
};

struct Product {
    std::string_view title;
    std::string_view vendor;
    std::array<std::string_view, 3> variants;
    int64_t usd_cents;
    int grams;
};

inline constexpr std::array<std::string_view, 8> kArabicFirstNames = {
    "محمد", "فاطمة", "عبدالله", "نورة", "خالد", "مريم", "أحمد", "سارة"};
inline constexpr std::array<std::string_view, 8> kArabicLastNames = {
    "العتيبي", "الحربي", "القحطاني", "الشمري", "المطيري", "الدوسري", "حسن", "إبراهيم"};
inline constexpr std::array<std::string_view, 8> kEnglishFirstNames = {
    "James", "Olivia", "Omar", "Emma", "Yusuf", "Layla", "Daniel", "Aisha"};
inline constexpr std::array<std::string_view, 8> kEnglishLastNames = {
    "Smith", "Khan", "Johnson", "Haddad", "Brown", "Saleh", "Miller", "Nasser"};
inline constexpr std::array<std::string_view, 4> kStreets = {
    "شارع الملك فهد", "طريق الأمير محمد بن سلمان", "12 Palm Street", "شارع التحلية"};
inline constexpr std::array<std::string_view, 4> kTags = {
    "vip", "wholesale", "ramadan", "عميل جديد"};
inline constexpr std::array<std::string_view, 3> kNotes = {
    "الرجاء الاتصال قبل التوصيل", "Leave at the door", "تغليف هدية من فضلك"};

// The ids and SKU generated orders give the products of Products(): every store's catalogue is
// seeded with the same ones, so line items point at variants the store stocks.
inline constexpr int64_t kCatalogueProductIdBase = 8'100'000'000'000;
inline constexpr int64_t kCatalogueLocationIdBase = 65'000'000'000;

inline int64_t CatalogueProductId(int64_t product_no) {
    return kCatalogueProductIdBase + product_no;
}

inline int64_t CatalogueVariantId(int64_t product_no, int64_t variant_no) {
    return CatalogueProductId(product_no) * 10 + variant_no;
}

// "SKU-<100 + product>-<variant + 1>", e.g. "SKU-100-1".
std::string CatalogueSku(int64_t product_no, int64_t variant_no);

// What a store charges for a catalogue price in US cents.
struct PriceBasis {
    double per_usd = 1.0;  // shop-currency units per US dollar
    int exponent = 2;      // decimals of the shop currency
};

PriceBasis PriceBasisOf(const Market& market);

// The market of `currency` ("" is SAR); a currency of no market is priced one to one with the
// dollar, with its ISO 4217 decimals.
PriceBasis PriceBasisOf(std::string_view currency);

// Minor units, rounded down to whole units (5 fils for 3-decimal currencies), at least one step:
// shop prices end in round numbers.
int64_t ShopPrice(const PriceBasis& basis, int64_t usd_cents);

const std::array<Market, 5>& Markets();
const std::array<Product, 6>& Products();

}  // namespace scs::sandbox
