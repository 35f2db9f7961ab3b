#include <algorithm>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "connectors/shopify/shopify_fulfillment.hpp"
#include "connectors/shopify/shopify_push_json.hpp"

namespace scs {
namespace {

using shopify::NodesAt;
using shopify::StringAt;

// One fulfillment-order line item that can still ship units.
struct OpenLine {
    std::string fulfillment_order_id;
    std::string id;
    std::string sku;
    int64_t remaining = 0;
};

std::string LineSku(const boost::json::object& line) {
    std::string sku = StringAt(line, "sku");
    if (const auto* order_line = shopify::ObjectAt(line, "lineItem"); sku.empty() && order_line) {
        sku = StringAt(*order_line, "sku");
    }
    return sku;
}

bool IsOpen(const std::string& status) {
    return status == "OPEN" || status == "IN_PROGRESS";
}

// Every line item of the order's open fulfillment orders, and every SKU on the order.
std::vector<OpenLine> OpenLines(const boost::json::object& order, std::set<std::string>& skus) {
    std::vector<OpenLine> open;
    for (const auto* fulfillment_order : NodesAt(order, "fulfillmentOrders")) {
        const bool usable = IsOpen(StringAt(*fulfillment_order, "status"));
        for (const auto* line : NodesAt(*fulfillment_order, "lineItems")) {
            OpenLine entry{StringAt(*fulfillment_order, "id"),
                           StringAt(*line, "id"),
                           LineSku(*line),
                           shopify::IntAt(*line, "remainingQuantity").value_or(0)};
            skus.insert(entry.sku);
            if (usable && entry.remaining > 0) {
                open.push_back(std::move(entry));
            }
        }
    }
    return open;
}

// Takes `quantity` units of `sku` from `open` (first come first served) into `taken`.
Status Take(std::vector<OpenLine>& open,
            const FulfillmentLine& wanted,
            std::map<std::pair<std::string, std::string>, int64_t>& taken) {
    int64_t need = wanted.quantity;
    for (OpenLine& line : open) {
        if (line.sku != wanted.sku || need == 0) {
            continue;
        }
        const int64_t units = std::min(need, line.remaining);
        line.remaining -= units;
        need -= units;
        taken[{line.fulfillment_order_id, line.id}] += units;
    }
    if (need > 0) {
        return FailField("lines",
                         "SKU " + wanted.sku + ": " + std::to_string(wanted.quantity) +
                             " units requested, " + std::to_string(wanted.quantity - need) +
                             " remain to fulfil");
    }
    return {};
}

std::vector<ShopifyFulfillmentOrderLines> Group(
    const std::map<std::pair<std::string, std::string>, int64_t>& taken) {
    std::vector<ShopifyFulfillmentOrderLines> plan;
    for (const auto& [ids, units] : taken) {
        if (plan.empty() || plan.back().fulfillment_order_id != ids.first) {
            plan.push_back({ids.first, {}});
        }
        plan.back().lines.emplace_back(ids.second, units);
    }
    return plan;
}

int64_t RemainingOf(const std::vector<OpenLine>& open, const std::vector<FulfillmentLine>& lines) {
    int64_t remaining = 0;
    for (const OpenLine& line : open) {
        const bool requested =
            lines.empty() || std::any_of(lines.begin(), lines.end(), [&line](const auto& wanted) {
                return wanted.sku == line.sku;
            });
        remaining += requested ? line.remaining : 0;
    }
    return remaining;
}

}  // namespace

const std::string kShopifyOrderForFulfillmentQuery =
    "query OrderForFulfillment($id: ID!) { order(id: $id) { id cancelledAt closed closedAt "
    "displayFulfillmentStatus fulfillments(first: 10) { id status trackingInfo(first: 5) { number "
    "company url } } fulfillmentOrders(first: 10) { nodes { id status lineItems(first: 40) { nodes "
    "{ id sku remainingQuantity totalQuantity lineItem { id sku } } } } } } }";

std::optional<std::string> FindTrackedFulfillment(const boost::json::object& order,
                                                  const std::string& tracking_number) {
    if (tracking_number.empty()) {
        return std::nullopt;
    }
    for (const auto* fulfillment : NodesAt(order, "fulfillments")) {
        if (StringAt(*fulfillment, "status") == "CANCELLED") {
            continue;
        }
        for (const auto* tracking : NodesAt(*fulfillment, "trackingInfo")) {
            if (StringAt(*tracking, "number") == tracking_number) {
                return shopify::GidTail(StringAt(*fulfillment, "id"));
            }
        }
    }
    return std::nullopt;
}

Result<std::vector<ShopifyFulfillmentOrderLines>> PlanShopifyFulfillment(
    const boost::json::object& order, const std::vector<FulfillmentLine>& lines) {
    std::set<std::string> skus;
    std::vector<OpenLine> open = OpenLines(order, skus);
    for (const auto& wanted : lines) {
        if (wanted.quantity <= 0 || skus.count(wanted.sku) == 0) {
            return FailField("lines",
                             wanted.quantity <= 0
                                 ? "SKU " + wanted.sku + ": quantity must be positive"
                                 : "SKU " + wanted.sku + " is not on the order");
        }
    }
    if (RemainingOf(open, lines) == 0) {
        return Fail(ErrorCode::kConflict, "the order's requested lines are already fulfilled");
    }
    std::map<std::pair<std::string, std::string>, int64_t> taken;
    for (const auto& wanted : lines) {
        if (auto took = Take(open, wanted, taken); !took) {
            return tl::unexpected(took.error());
        }
    }
    if (lines.empty()) {
        for (const OpenLine& line : open) {
            taken[{line.fulfillment_order_id, line.id}] = line.remaining;
        }
    }
    return Group(taken);
}

}  // namespace scs
