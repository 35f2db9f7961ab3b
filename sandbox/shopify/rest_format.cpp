#include "sandbox/shopify/rest_format.hpp"

#include <ctime>

#include <fmt/format.h>

namespace scs::sandbox {

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
