#include "sandbox/generator/generator_catalogue.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/money.hpp"

namespace scs::sandbox {

std::string CatalogueSku(int64_t product_no, int64_t variant_no) {
    return fmt::format("SKU-{}-{}", 100 + product_no, variant_no + 1);
}

PriceBasis PriceBasisOf(const Market& market) {
    return {market.per_usd, market.exponent};
}

PriceBasis PriceBasisOf(std::string_view currency) {
    const std::string_view code = currency.empty() ? "SAR" : currency;
    for (const auto& market : Markets()) {
        if (market.currency == code) {
            return PriceBasisOf(market);
        }
    }
    return {1.0, CurrencyExponent(code).value_or(2)};
}

int64_t ShopPrice(const PriceBasis& basis, int64_t usd_cents) {
    double minor = static_cast<double>(usd_cents) / 100.0 * basis.per_usd;
    int64_t step = 1;
    for (int k = 0; k < basis.exponent; ++k) {
        minor *= 10;
        step *= 10;
    }
    step = basis.exponent == 3 ? 5 : step;
    return std::max<int64_t>(step, static_cast<int64_t>(minor) / step * step);
}

const std::array<Market, 5>& Markets() {
    static const std::array<Market, 5> kMarkets = {{
        {"SAR",
         2,
         "SA",
         "Saudi Arabia",
         180,
         1500,
         "VAT",
         3.75,
         2500,
         "+9665",
         true,
         {{{"الرياض", "منطقة الرياض", "01", 24.7136, 46.6753},
           {"جدة", "منطقة مكة المكرمة", "02", 21.4858, 39.1925}}}},
        {"AED",
         2,
         "AE",
         "United Arab Emirates",
         240,
         500,
         "VAT",
         3.6725,
         2000,
         "+9715",
         true,
         {{{"دبي", "دبي", "DU", 25.2048, 55.2708}, {"أبوظبي", "أبوظبي", "AZ", 24.4539, 54.3773}}}},
        {"KWD",
         3,
         "KW",
         "Kuwait",
         180,
         0,
         "VAT",
         0.307,
         1500,
         "+9656",
         true,
         {{{"مدينة الكويت", "العاصمة", "KU", 29.3759, 47.9774},
           {"حولي", "حولي", "HA", 29.3328, 48.0286}}}},
        {"EGP",
         2,
         "EG",
         "Egypt",
         120,
         1400,
         "VAT",
         48.5,
         6000,
         "+2010",
         true,
         {{{"القاهرة", "القاهرة", "C", 30.0444, 31.2357},
           {"الإسكندرية", "الإسكندرية", "ALX", 31.2001, 29.9187}}}},
        {"USD",
         2,
         "US",
         "United States",
         -300,
         800,
         "Sales Tax",
         1.0,
         999,
         "+1212",
         false,
         {{{"New York", "New York", "NY", 40.7128, -74.0060},
           {"Austin", "Texas", "TX", 30.2672, -97.7431}}}},
    }};
    return kMarkets;
}

const std::array<Product, 6>& Products() {
    static const std::array<Product, 6> kProducts = {{
        {"عباية كلاسيكية", "دار الأناقة", {"أسود / S", "أسود / M", "كحلي / L"}, 8900, 700},
        {"Oud Perfume 100ml", "Arabian Scents", {"100ml", "50ml", "Gift Set"}, 6500, 350},
        {"تمر سكري فاخر", "مزارع القصيم", {"1 كجم", "3 كجم", "5 كجم"}, 2400, 1000},
        {"Cotton Thobe", "Gulf Tailors", {"White / 54", "White / 56", "Beige / 58"}, 4500, 600},
        {"قهوة عربية بالهيل", "بن الشام", {"250 جم", "500 جم", "1 كجم"}, 1800, 500},
        {"Prayer Mat", "Medina Crafts", {"Green", "Burgundy", "Navy"}, 2900, 900},
    }};
    return kProducts;
}

}  // namespace scs::sandbox
