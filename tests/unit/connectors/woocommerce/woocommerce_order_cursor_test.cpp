#include "connectors/woocommerce/woocommerce_order_cursor.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <gtest/gtest.h>

namespace scs {
namespace {

constexpr int64_t kT0 = 1767225600;  // 2026-01-01T00:00:00Z

TimePoint At(int64_t seconds) {
    return FromUnixMillis(seconds * 1000);
}

WooCommerceOrderStamp Stamp(const std::string& id, int64_t seconds) {
    return {id, At(seconds)};
}

std::string Param(const WooCommerceQuery& query, const std::string& name) {
    for (const auto& [key, value] : query) {
        if (key == name) {
            return value;
        }
    }
    return "<absent>";
}

WooCommerceOrderCursor Parsed(const std::string& text) {
    auto cursor = ParseWooCommerceOrderCursor(text, std::nullopt);
    EXPECT_TRUE(cursor) << text;
    return cursor.value_or(WooCommerceOrderCursor{});
}

TEST(WooCommerceOrderCursorTest, StartsAtUpdatedSinceRoundedDownWithAOneSecondMargin) {
    auto cursor = ParseWooCommerceOrderCursor("", At(kT0) + std::chrono::milliseconds(750));
    ASSERT_TRUE(cursor);
    EXPECT_EQ(cursor->watermark, kT0);
    EXPECT_EQ(cursor->page, 1);
    const auto query = WooCommerceOrderQuery(*cursor, 500);
    EXPECT_EQ(Param(query, "modified_after"), "2025-12-31T23:59:59");
    EXPECT_EQ(Param(query, "orderby"), "modified");
    EXPECT_EQ(Param(query, "order"), "asc");
    EXPECT_EQ(Param(query, "dates_are_gmt"), "true");
    EXPECT_EQ(Param(query, "per_page"), "100");
    EXPECT_EQ(Param(query, "page"), "1");
    EXPECT_EQ(Param(query, "after"), "<absent>");
}

TEST(WooCommerceOrderCursorTest, WithoutUpdatedSinceAsksFromTheFirstOrder) {
    auto cursor = ParseWooCommerceOrderCursor("", std::nullopt);
    ASSERT_TRUE(cursor);
    EXPECT_FALSE(cursor->watermark);
    EXPECT_EQ(Param(WooCommerceOrderQuery(*cursor, 0), "modified_after"), "<absent>");
    EXPECT_EQ(Param(WooCommerceOrderQuery(*cursor, 0), "per_page"), "1");
}

TEST(WooCommerceOrderCursorTest, FormatsAndParsesBack) {
    const WooCommerceOrderCursor cursor{kT0, 3, {"17", "42"}};
    const std::string text = FormatWooCommerceOrderCursor(cursor);
    EXPECT_EQ(text, "w1:1767225600:3:17,42");
    const auto back = Parsed(text);
    EXPECT_EQ(back.watermark, kT0);
    EXPECT_EQ(back.page, 3);
    EXPECT_EQ(back.seen, (std::vector<std::string>{"17", "42"}));
    EXPECT_EQ(FormatWooCommerceOrderCursor(Parsed("w1:-:1:")), "w1:-:1:");
}

TEST(WooCommerceOrderCursorTest, RefusesCursorsItDidNotWrite) {
    for (const char* text : {"c2", "w1:x:1:", "w1:5:0:", "w1:5:1", "w2:5:1:", "w1:5:-3:1"}) {
        auto cursor = ParseWooCommerceOrderCursor(text, std::nullopt);
        ASSERT_FALSE(cursor) << text;
        EXPECT_EQ(cursor.error().code, ErrorCode::kBadRequest);
    }
}

TEST(WooCommerceOrderCursorTest, MovesTheWatermarkToTheNewestSecondAndRemembersItsIds) {
    const WooCommerceOrderCursor start{kT0, 1, {}};
    const auto step = StepWooCommerceOrderCursor(
        start, {Stamp("1", kT0), Stamp("2", kT0 + 5), Stamp("3", kT0 + 5)}, 3, 4);
    EXPECT_EQ(step.keep, (std::vector<bool>{true, true, true}));
    EXPECT_EQ(step.next_cursor, "w1:1767225605:1:2,3");
}

TEST(WooCommerceOrderCursorTest, SkipsTheIdsAlreadyReturnedAtTheWatermark) {
    const auto cursor = Parsed("w1:1767225605:1:2,3");
    const auto step = StepWooCommerceOrderCursor(
        cursor, {Stamp("2", kT0 + 5), Stamp("3", kT0 + 5), Stamp("4", kT0 + 9)}, 3, 2);
    EXPECT_EQ(step.keep, (std::vector<bool>{false, false, true}));
    EXPECT_EQ(step.next_cursor, "w1:1767225609:1:4");
}

TEST(WooCommerceOrderCursorTest, AnIdSeenAtTheWatermarkButModifiedSinceIsReturnedAgain) {
    const auto cursor = Parsed("w1:1767225605:1:2");
    const auto step = StepWooCommerceOrderCursor(cursor, {Stamp("2", kT0 + 7)}, 3, 1);
    EXPECT_EQ(step.keep, (std::vector<bool>{true}));
    EXPECT_EQ(step.next_cursor, "");
}

TEST(WooCommerceOrderCursorTest, FallsBackToPageNumbersWhileAPageSharesTheWatermark) {
    const auto cursor = Parsed("w1:1767225605:1:2");
    const auto step = StepWooCommerceOrderCursor(
        cursor, {Stamp("2", kT0 + 5), Stamp("3", kT0 + 5), Stamp("4", kT0 + 5)}, 3, 5);
    EXPECT_EQ(step.keep, (std::vector<bool>{false, true, true}));
    EXPECT_EQ(step.next_cursor, "w1:1767225605:2:2,3,4");
}

TEST(WooCommerceOrderCursorTest, APageAllAtOneNewerSecondContinuesOnPageTwoFromIt) {
    const WooCommerceOrderCursor start{kT0, 1, {}};
    const auto step =
        StepWooCommerceOrderCursor(start, {Stamp("5", kT0 + 8), Stamp("6", kT0 + 8)}, 2, 9);
    EXPECT_EQ(step.next_cursor, "w1:1767225608:2:5,6");
}

TEST(WooCommerceOrderCursorTest, UnreadableDatesCannotMoveTheWatermarkSoThePageNumberMoves) {
    const WooCommerceOrderCursor start{std::nullopt, 1, {}};
    const auto step =
        StepWooCommerceOrderCursor(start, {{"1", std::nullopt}, {"2", std::nullopt}}, 2, 3);
    EXPECT_EQ(step.keep, (std::vector<bool>{true, true}));
    EXPECT_EQ(step.next_cursor, "w1:-:2:");
}

TEST(WooCommerceOrderCursorTest, EndsOnAShortPageOrTheLastTotalPage) {
    const WooCommerceOrderCursor start{kT0, 1, {}};
    EXPECT_EQ(StepWooCommerceOrderCursor(start, {}, 10, 0).next_cursor, "");
    EXPECT_EQ(
        StepWooCommerceOrderCursor(start, {Stamp("1", kT0 + 1)}, 10, std::nullopt).next_cursor, "");
    EXPECT_EQ(StepWooCommerceOrderCursor(start, {Stamp("1", kT0 + 1)}, 1, 1).next_cursor, "");
    EXPECT_NE(StepWooCommerceOrderCursor(start, {Stamp("1", kT0 + 1)}, 1, std::nullopt).next_cursor,
              "");
}

// A store answering GET /orders?modified_after&orderby=modified&order=asc&per_page&page the way
// WooCommerce does: offset paging over the orders modified strictly after modified_after.
class SimulatedStore {
public:
    void Put(const std::string& id, int64_t modified) { orders_[id] = modified; }

    std::vector<WooCommerceOrderStamp> Page(const WooCommerceQuery& query,
                                            int64_t& total_pages) const {
        const std::string after = Param(query, "modified_after");
        const int64_t bound = after == "<absent>" ? -1 : ToUnixMillis(*ParseRfc3339(after + "Z"));
        std::vector<std::pair<int64_t, std::string>> sorted;
        for (const auto& [id, modified] : orders_) {
            if (modified * 1000 > bound) {
                sorted.emplace_back(modified, id);
            }
        }
        std::sort(sorted.begin(), sorted.end());
        const int64_t per_page = std::stoll(Param(query, "per_page"));
        const int64_t page = std::stoll(Param(query, "page"));
        total_pages = (static_cast<int64_t>(sorted.size()) + per_page - 1) / per_page;
        std::vector<WooCommerceOrderStamp> answer;
        for (auto i = (page - 1) * per_page;
             i < std::min<int64_t>(page * per_page, static_cast<int64_t>(sorted.size()));
             ++i) {
            answer.push_back(Stamp(sorted[i].second, sorted[i].first));
        }
        return answer;
    }

private:
    std::map<std::string, int64_t> orders_;
};

// Scans the store with the cursor, applying `between` after each page; the ids returned.
std::multiset<std::string> Scan(SimulatedStore& store,
                                int per_page,
                                const std::function<void(int)>& between) {
    std::multiset<std::string> returned;
    std::string text;
    for (int page = 0; page < 100; ++page) {
        const auto cursor = ParseWooCommerceOrderCursor(text, At(kT0));
        EXPECT_TRUE(cursor);
        int64_t total_pages = 0;
        const auto orders = store.Page(WooCommerceOrderQuery(*cursor, per_page), total_pages);
        const auto step = StepWooCommerceOrderCursor(*cursor, orders, per_page, total_pages);
        for (size_t i = 0; i < orders.size(); ++i) {
            if (step.keep[i]) {
                returned.insert(orders[i].id);
            }
        }
        if (step.next_cursor.empty()) {
            return returned;
        }
        text = step.next_cursor;
        between(page);
    }
    ADD_FAILURE() << "the scan did not end";
    return returned;
}

TEST(WooCommerceOrderCursorTest, OrdersModifiedMidScanShiftNothingOutOfTheScan) {
    SimulatedStore store;
    for (int i = 0; i < 25; ++i) {
        store.Put("o" + std::to_string(i), kT0 + i);
    }
    // After the first page, an order already returned and an order not reached yet are
    // modified: with offset paging both move to the end and the rest shift one place left.
    const auto returned = Scan(store, 5, [&store](int page) {
        if (page == 0) {
            store.Put("o2", kT0 + 100);
            store.Put("o12", kT0 + 101);
        }
    });
    for (int i = 0; i < 25; ++i) {
        EXPECT_GE(returned.count("o" + std::to_string(i)), 1U) << "o" << i;
    }
    EXPECT_EQ(returned.count("o2"), 2U);  // its update is news
    EXPECT_EQ(returned.count("o12"), 1U);
    EXPECT_EQ(returned.size(), 26U);
}

TEST(WooCommerceOrderCursorTest, ABulkUpdateInOneSecondIsPagedWithoutDuplicates) {
    SimulatedStore store;
    for (int i = 0; i < 12; ++i) {
        store.Put("b" + std::to_string(i), kT0 + 3);
    }
    store.Put("early", kT0 + 1);
    store.Put("late", kT0 + 9);
    const auto returned = Scan(store, 5, [](int) {});
    EXPECT_EQ(returned.size(), 14U);
    EXPECT_EQ(std::set<std::string>(returned.begin(), returned.end()).size(), 14U);
}

}  // namespace
}  // namespace scs
