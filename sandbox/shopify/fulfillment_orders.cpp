#include "sandbox/shopify/fulfillment_orders.hpp"

#include <map>

#include "sandbox/shopify/rest_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

int64_t IntField(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_int64() ? value->get_int64() : 0;
}

bool IsSet(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && !value->is_null();
}

json::value FieldOrNull(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr ? *value : json::value(nullptr);
}

Error UserError(std::string message) {
    return Error{ErrorCode::kBadRequest, std::move(message), "fulfillment", std::nullopt};
}

bool Fulfillable(const FulfillmentOrder& order) {
    return order.status == "OPEN" || order.status == "IN_PROGRESS";
}

std::string LowerAscii(std::string text) {
    for (auto& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

// Takes one request off `order`, or refuses it.
Status TakeRequest(FulfillmentOrder& order,
                   const FulfilmentRequest& request,
                   std::vector<std::pair<size_t, int64_t>>& taken) {
    if (!request.lines) {
        for (size_t i = 0; i < order.lines.size(); ++i) {
            taken.emplace_back(i, order.lines[i].remaining);
        }
        return {};
    }
    for (const auto& [line_id, quantity] : *request.lines) {
        size_t index = 0;
        while (index < order.lines.size() && order.lines[index].id != line_id) {
            ++index;
        }
        if (index == order.lines.size()) {
            return tl::unexpected(UserError("Fulfillment order line item does not exist."));
        }
        if (quantity <= 0 || quantity > order.lines[index].remaining) {
            return tl::unexpected(
                UserError("Invalid fulfillment order line item quantity requested."));
        }
        taken.emplace_back(index, quantity);
    }
    return {};
}

using Taken = std::map<int64_t, std::vector<std::pair<size_t, int64_t>>>;  // by fulfillment order

Status TakeFromOrder(std::vector<FulfillmentOrder>& orders,
                     const FulfilmentRequest& request,
                     Taken& taken) {
    FulfillmentOrder* order = nullptr;
    for (auto& candidate : orders) {
        order = candidate.id == request.fulfillment_order_id ? &candidate : order;
    }
    if (order == nullptr) {
        return tl::unexpected(UserError("Fulfillment order does not exist."));
    }
    if (!Fulfillable(*order)) {
        return tl::unexpected(
            UserError("Fulfillment order " + std::to_string(order->id) +
                      " has an unfulfillable status= " + LowerAscii(order->status) + "."));
    }
    return TakeRequest(*order, request, taken[order->id]);
}

// Takes the quantities off the lines; a fulfillment order something was taken from moves on.
void Settle(FulfillmentOrder& order, const std::vector<std::pair<size_t, int64_t>>& taken) {
    for (const auto& [index, quantity] : taken) {
        order.lines[index].remaining -= quantity;
    }
    int64_t remaining = 0;
    for (const auto& line : order.lines) {
        remaining += line.remaining;
    }
    if (!taken.empty()) {
        order.status = remaining == 0 ? "CLOSED" : "IN_PROGRESS";
    }
}

}  // namespace

FulfillmentOrder OpenFulfillmentOrder(const json::object& rest_order,
                                      int64_t id,
                                      int64_t first_line_id,
                                      int64_t location_id) {
    FulfillmentOrder order{id, location_id, "OPEN", {}};
    const bool fulfilled = FieldOrNull(rest_order, "fulfillment_status") == "fulfilled";
    const auto* lines = rest_order.if_contains("line_items");
    for (const auto& line :
         lines != nullptr && lines->is_array() ? lines->get_array() : json::array{}) {
        if (!line.is_object()) {
            continue;
        }
        const auto& item = line.get_object();
        const int64_t quantity = IntField(item, "quantity");
        order.lines.push_back({first_line_id + static_cast<int64_t>(order.lines.size()),
                               IntField(item, "id"),
                               FieldOrNull(item, "sku"),
                               FieldOrNull(item, "variant_id"),
                               quantity,
                               fulfilled ? 0 : quantity});
    }
    if (IsSet(rest_order, "cancelled_at")) {
        order.status = "CANCELLED";
    } else if (fulfilled) {
        order.status = "CLOSED";
    }
    return order;
}

Result<std::vector<FulfilledLine>> ApplyFulfilment(std::vector<FulfillmentOrder>& orders,
                                                   const std::vector<FulfilmentRequest>& requests) {
    std::vector<FulfillmentOrder> next = orders;
    Taken taken;
    for (const auto& request : requests) {
        if (auto took = TakeFromOrder(next, request, taken); !took) {
            return tl::unexpected(took.error());
        }
    }
    for (auto& order : next) {
        Settle(order, taken[order.id]);
    }
    orders = std::move(next);
    std::vector<FulfilledLine> fulfilled;
    for (const auto& order : orders) {
        for (const auto& [index, quantity] : taken[order.id]) {
            if (quantity > 0) {
                fulfilled.push_back({&order.lines[index], quantity});
            }
        }
    }
    return fulfilled;
}

std::string FulfillmentStatusOf(const std::vector<FulfillmentOrder>& orders) {
    int64_t total = 0;
    int64_t remaining = 0;
    for (const auto& order : orders) {
        for (const auto& line : order.lines) {
            total += line.total;
            remaining += line.remaining;
        }
    }
    if (total == 0 || remaining == total) {
        return "";
    }
    return remaining == 0 ? "fulfilled" : "partial";
}

json::object Connection(const json::array& nodes, int64_t first) {
    json::array kept;
    json::array edges;
    for (size_t i = 0; i < nodes.size() && static_cast<int64_t>(i) < first; ++i) {
        const std::string cursor = Base64Encode("node:" + std::to_string(i));
        edges.push_back({{"node", nodes[i]}, {"cursor", cursor}});
        kept.push_back(nodes[i]);
    }
    const json::value end = edges.empty() ? json::value(nullptr) : edges.back().at("cursor");
    json::object page{{"hasNextPage", kept.size() < nodes.size()},
                      {"hasPreviousPage", false},
                      {"endCursor", end}};
    return {{"nodes", std::move(kept)}, {"edges", std::move(edges)}, {"pageInfo", std::move(page)}};
}

json::object FulfillmentOrderNode(const FulfillmentOrder& order) {
    json::array lines;
    for (const auto& line : order.lines) {
        lines.push_back(
            {{"id", Gid("FulfillmentOrderLineItem", std::to_string(line.id))},
             {"sku", line.sku},
             {"remainingQuantity", line.remaining},
             {"totalQuantity", line.total},
             {"lineItem",
              {{"id", Gid("LineItem", std::to_string(line.line_item_id))}, {"sku", line.sku}}}});
    }
    return {{"id", Gid("FulfillmentOrder", std::to_string(order.id))},
            {"status", order.status},
            {"assignedLocation",
             {{"location", {{"id", Gid("Location", std::to_string(order.location_id))}}}}},
            {"lineItems", Connection(lines, static_cast<int64_t>(lines.size()))}};
}

json::object FulfillmentOrderJson(const FulfillmentOrder& order) {
    json::array lines;
    for (const auto& line : order.lines) {
        lines.push_back({{"id", std::to_string(line.id)},
                         {"line_item_id", std::to_string(line.line_item_id)},
                         {"sku", line.sku},
                         {"total_quantity", line.total},
                         {"remaining_quantity", line.remaining}});
    }
    return {{"id", std::to_string(order.id)},
            {"status", order.status},
            {"assigned_location_id", std::to_string(order.location_id)},
            {"line_items", std::move(lines)}};
}

}  // namespace scs::sandbox
