#include "connectors/woocommerce/woocommerce_order_cursor.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace scs {
namespace {

constexpr std::string_view kVersion = "w1";
constexpr int kMaxPerPage = 100;

std::vector<std::string_view> Split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const size_t at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos) {
            return parts;
        }
        text.remove_prefix(at + 1);
    }
}

std::optional<int64_t> ParseInt(std::string_view text) {
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

int64_t Seconds(TimePoint t) {
    return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

// "2026-01-01T00:00:00": GMT without an offset, as WooCommerce reads it with dates_are_gmt.
std::string GmtText(int64_t seconds) {
    std::string text = FormatRfc3339(FromUnixMillis(seconds * 1000));
    if (!text.empty() && text.back() == 'Z') {
        text.pop_back();
    }
    return text;
}

tl::unexpected<Error> BadCursor() {
    return FailField("cursor", "not a WooCommerce order cursor");
}

// The newest second among the page's readable stamps, or the cursor's watermark.
std::optional<int64_t> NewestSecond(std::optional<int64_t> watermark,
                                    const std::vector<WooCommerceOrderStamp>& orders) {
    for (const auto& order : orders) {
        if (order.modified && (!watermark || Seconds(*order.modified) > *watermark)) {
            watermark = Seconds(*order.modified);
        }
    }
    return watermark;
}

bool AllAt(const std::vector<WooCommerceOrderStamp>& orders, int64_t second) {
    return std::all_of(orders.begin(), orders.end(), [second](const auto& order) {
        return order.modified && Seconds(*order.modified) == second;
    });
}

bool IsLastPage(const WooCommerceOrderCursor& cursor,
                size_t answered,
                int per_page,
                std::optional<int64_t> total_pages) {
    return answered < static_cast<size_t>(std::clamp(per_page, 1, kMaxPerPage)) ||
           (total_pages && cursor.page >= *total_pages);
}

}  // namespace

Result<WooCommerceOrderCursor> ParseWooCommerceOrderCursor(std::string_view text,
                                                           std::optional<TimePoint> updated_since) {
    WooCommerceOrderCursor cursor;
    if (text.empty()) {
        if (updated_since) {
            cursor.watermark = Seconds(*updated_since);
        }
        return cursor;
    }
    const auto parts = Split(text, ':');
    if (parts.size() != 4 || parts[0] != kVersion) {
        return BadCursor();
    }
    if (parts[1] != "-") {
        cursor.watermark = ParseInt(parts[1]);
        if (!cursor.watermark) {
            return BadCursor();
        }
    }
    const auto page = ParseInt(parts[2]);
    if (!page || *page < 1 || *page > 1000000) {
        return BadCursor();
    }
    cursor.page = static_cast<int>(*page);
    if (!parts[3].empty()) {
        for (const auto id : Split(parts[3], ',')) {
            cursor.seen.emplace_back(id);
        }
    }
    return cursor;
}

std::string FormatWooCommerceOrderCursor(const WooCommerceOrderCursor& cursor) {
    std::string text(kVersion);
    text += ":" + (cursor.watermark ? std::to_string(*cursor.watermark) : std::string("-"));
    text += ":" + std::to_string(cursor.page) + ":";
    for (size_t i = 0; i < cursor.seen.size(); ++i) {
        text += (i == 0 ? "" : ",") + cursor.seen[i];
    }
    return text;
}

WooCommerceQuery WooCommerceOrderQuery(const WooCommerceOrderCursor& cursor, int per_page) {
    WooCommerceQuery query;
    if (cursor.watermark) {
        query.emplace_back("modified_after", GmtText(*cursor.watermark - 1));
    }
    query.emplace_back("orderby", "modified");
    query.emplace_back("order", "asc");
    query.emplace_back("dates_are_gmt", "true");
    query.emplace_back("per_page", std::to_string(std::clamp(per_page, 1, kMaxPerPage)));
    query.emplace_back("page", std::to_string(cursor.page));
    return query;
}

WooCommerceOrderStep StepWooCommerceOrderCursor(const WooCommerceOrderCursor& cursor,
                                                const std::vector<WooCommerceOrderStamp>& orders,
                                                int per_page,
                                                std::optional<int64_t> total_pages) {
    const std::set<std::string> seen(cursor.seen.begin(), cursor.seen.end());
    WooCommerceOrderStep step;
    for (const auto& order : orders) {
        const bool at_watermark =
            cursor.watermark && order.modified && Seconds(*order.modified) == *cursor.watermark;
        step.keep.push_back(!(at_watermark && seen.count(order.id) > 0));
    }
    if (IsLastPage(cursor, orders.size(), per_page, total_pages)) {
        return step;
    }
    WooCommerceOrderCursor next;
    next.watermark = NewestSecond(cursor.watermark, orders);
    const bool moved = next.watermark != cursor.watermark;
    if (!moved) {
        next.page = cursor.page + 1;
        next.seen = cursor.seen;
    } else {
        next.page = AllAt(orders, *next.watermark) ? 2 : 1;
    }
    std::set<std::string> kept(next.seen.begin(), next.seen.end());
    for (const auto& order : orders) {
        const bool at_next =
            next.watermark && order.modified && Seconds(*order.modified) == *next.watermark;
        if (at_next && kept.insert(order.id).second) {
            next.seen.push_back(order.id);
        }
    }
    step.next_cursor = FormatWooCommerceOrderCursor(next);
    return step;
}

}  // namespace scs
