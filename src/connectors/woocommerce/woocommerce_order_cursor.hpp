#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/woocommerce/woocommerce_auth.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

// Paging WooCommerce orders by modification time without offset drift. WooCommerce pages by
// offset, and an order modified mid-scan moves to the end of `orderby=modified` and shifts the
// rest, so a page number alone skips orders. The cursor is a watermark instead: the newest
// date_modified_gmt seen (whole seconds, WooCommerce's precision) and the ids already returned at
// that second. Each page asks again from the watermark (modified_after = watermark - 1 s, as
// WooCommerce compares strictly after) and skips those ids; page numbers are used only while a
// whole page shares one second (a bulk update), where a watermark cannot advance. Pure;
// thread-safe.
namespace scs {

struct WooCommerceOrderCursor {
    std::optional<int64_t> watermark;  // Unix seconds; nullopt: from the first order
    int page = 1;                      // > 1 only while a page's orders all share the watermark
    std::vector<std::string> seen;     // order ids already returned at the watermark
};

// The cursor of a page request: `text` as FormatWooCommerceOrderCursor wrote it, or, when empty,
// the start at `updated_since` (rounded down to the second). kBadRequest for text it did not write.
[[nodiscard]] Result<WooCommerceOrderCursor> ParseWooCommerceOrderCursor(
    std::string_view text, std::optional<TimePoint> updated_since);

// "w1:<watermark or ->:<page>:<id,id,...>".
std::string FormatWooCommerceOrderCursor(const WooCommerceOrderCursor& cursor);

// The GET /orders parameters for the cursor: modified_after (GMT, no offset) when there is a
// watermark, orderby=modified, order=asc, dates_are_gmt=true, per_page (1..100) and page.
WooCommerceQuery WooCommerceOrderQuery(const WooCommerceOrderCursor& cursor, int per_page);

// One order of an answered page: its id and date_modified_gmt (nullopt when unreadable).
struct WooCommerceOrderStamp {
    std::string id;
    std::optional<TimePoint> modified;
};

// What to do with an answered page: which orders to return (false: already returned at the
// watermark) and the cursor of the next page ("" when this was the last page).
struct WooCommerceOrderStep {
    std::vector<bool> keep;
    std::string next_cursor;
};

// Advances `cursor` over the page `orders` (in the order answered) of a request made with
// `per_page`. The page is the last when it holds fewer than per_page orders or total_pages
// (X-WP-TotalPages, when sent) says so. Otherwise the watermark moves to the newest second of the
// page, keeping the ids at that second, and paging restarts at page 1, or page 2 when the whole
// page shares that one second; when the watermark cannot move (every order at the watermark or
// unreadable), the next page number is asked.
WooCommerceOrderStep StepWooCommerceOrderCursor(const WooCommerceOrderCursor& cursor,
                                                const std::vector<WooCommerceOrderStamp>& orders,
                                                int per_page,
                                                std::optional<int64_t> total_pages);

}  // namespace scs
