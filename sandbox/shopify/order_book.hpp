#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"

// The orders of one sandbox store, held in Shopify's REST shape (the one model both the GraphQL
// API and the webhooks render from), with the paging rules of `orders(first, after, query,
// sortKey)`. Not thread-safe: the owning store locks it.
namespace scs::sandbox {

// What changed when an order was stored: which webhooks it fires.
struct OrderChange {
    boost::json::object order;
    bool created = false;
    bool cancelled_now = false;  // cancelled_at went from null to a time
};

// Bounds on one time of an order.
struct TimeBounds {
    std::optional<TimePoint> after;  // exclusive unless after_inclusive
    bool after_inclusive = false;
    std::optional<TimePoint> before;  // exclusive unless before_inclusive
    bool before_inclusive = false;
};

// The `query:` filter of the orders connection; updated_at and created_at bounds are understood.
struct OrderFilter {
    TimeBounds updated;
    TimeBounds created;
};

// Parses Shopify search syntax such as "updated_at:>='2026-11-20T10:00:00Z'" or
// "created_at:>=2026-11-20"; terms it does not know are ignored, as Shopify ignores them.
// kBadRequest for an unreadable time value.
[[nodiscard]] Result<OrderFilter> ParseOrderFilter(std::string_view query);

struct OrderPageRequest {
    int64_t first = 50;
    std::optional<std::string> after;  // an opaque cursor from a previous page
    OrderFilter filter;
    bool by_updated_at = true;  // sortKey UPDATED_AT; else ID
    bool reverse = false;       // newest (or highest id) first; `after` then pages backwards
};

struct OrderPageResult {
    std::vector<boost::json::object> orders;  // REST shape
    std::vector<std::string> cursors;
    bool has_next_page = false;
};

class OrderBook {
public:
    // Stores `order` (REST shape). A new id is assigned when it has none; an existing id updates
    // the stored order with the given fields, and its updated_at always moves forward.
    [[nodiscard]] Result<OrderChange> Upsert(boost::json::object order, TimePoint now);

    [[nodiscard]] Result<OrderPageResult> Page(const OrderPageRequest& request) const;

    // The stored REST order with this id, if any.
    std::optional<boost::json::object> Find(const std::string& id) const;

    size_t Size() const { return orders_.size(); }

private:
    struct Stored {
        TimePoint updated_at;
        boost::json::object rest;
    };

    std::string NextId();

    std::map<std::string, Stored> orders_;  // by id
    int64_t next_number_ = 1001;
};

}  // namespace scs::sandbox
