#include "sandbox/generator/rest_format.hpp"

#include <ctime>

#include <fmt/format.h>

namespace scs::sandbox {

std::string FormatMinorUnits(int64_t minor, int exponent) {
    const bool negative = minor < 0;
    const uint64_t magnitude =
        negative ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
    uint64_t scale = 1;
    for (int i = 0; i < exponent; ++i) {
        scale *= 10;
    }
    std::string text = fmt::format("{}{}", negative ? "-" : "", magnitude / scale);
    if (exponent > 0) {
        text += fmt::format(".{:0{}}", magnitude % scale, exponent);
    }
    return text;
}

std::string FormatWithOffset(TimePoint time, int offset_minutes) {
    const auto local =
        std::chrono::floor<std::chrono::seconds>(time) + std::chrono::minutes(offset_minutes);
    const std::time_t seconds = Clock::to_time_t(Clock::time_point(local));
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
                       parts.tm_year + 1900,
                       parts.tm_mon + 1,
                       parts.tm_mday,
                       parts.tm_hour,
                       parts.tm_min,
                       parts.tm_sec,
                       offset_minutes < 0 ? '-' : '+',
                       magnitude / 60,
                       magnitude % 60);
}

boost::json::object RestMoneyBag(std::string_view amount, std::string_view currency) {
    boost::json::object money{{"amount", amount}, {"currency_code", currency}};
    return {{"shop_money", money}, {"presentment_money", money}};
}

std::string Gid(std::string_view type, std::string_view id) {
    return fmt::format("gid://shopify/{}/{}", type, id);
}

}  // namespace scs::sandbox
