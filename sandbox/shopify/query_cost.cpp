#include "sandbox/shopify/query_cost.hpp"

#include <algorithm>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace scs::sandbox {
namespace {

namespace json = boost::json;

// The connection wrappers are part of the connection's own price.
bool IsConnectionPart(std::string_view name) {
    return name == "nodes" || name == "edges" || name == "node" || name == "pageInfo";
}

int64_t PageSize(const GraphqlField& field) {
    for (const char* key : {"first", "last"}) {
        if (const auto* size = field.args.if_contains(key); size != nullptr && size->is_int64()) {
            return std::max<int64_t>(0, size->get_int64());
        }
    }
    return -1;
}

int64_t SelectionCost(const std::vector<GraphqlField>& fields, int64_t multiplier);

int64_t FieldCost(const GraphqlField& field, int64_t multiplier) {
    if (field.selections.empty()) {
        return 0;
    }
    const int64_t page = PageSize(field);
    if (page >= 0) {
        return multiplier * (2 + page) + SelectionCost(field.selections, multiplier * page);
    }
    // nodes(ids:) answers one object per id.
    const auto* ids = field.args.if_contains("ids");
    const int64_t count =
        ids != nullptr && ids->is_array() ? static_cast<int64_t>(ids->get_array().size()) : 1;
    const int64_t own = IsConnectionPart(field.name) ? 0 : multiplier * count;
    return own + SelectionCost(field.selections, multiplier * count);
}

int64_t SelectionCost(const std::vector<GraphqlField>& fields, int64_t multiplier) {
    int64_t cost = 0;
    for (const auto& field : fields) {
        cost += FieldCost(field, multiplier);
    }
    return cost;
}

int64_t ActualSelectionCost(const std::vector<GraphqlField>& fields, const json::value& data);

// Connections and lists are priced by what they hold: 2 + the number of elements returned.
int64_t ActualFieldCost(const GraphqlField& field, const json::value& value) {
    if (field.selections.empty() || value.is_null()) {
        return 0;
    }
    if (value.is_array()) {
        const auto size = static_cast<int64_t>(value.get_array().size());
        int64_t cost = PageSize(field) >= 0 ? 2 + size : (IsConnectionPart(field.name) ? 0 : 1);
        for (const auto& element : value.get_array()) {
            cost += ActualSelectionCost(field.selections, element);
        }
        return cost;
    }
    int64_t cost = IsConnectionPart(field.name) ? 0 : 1;
    if (PageSize(field) >= 0) {
        const auto* nodes = value.is_object() ? value.get_object().if_contains("nodes") : nullptr;
        const auto* edges = value.is_object() ? value.get_object().if_contains("edges") : nullptr;
        const auto* list = nodes != nullptr ? nodes : edges;
        cost = 2 + (list != nullptr && list->is_array()
                        ? static_cast<int64_t>(list->get_array().size())
                        : 0);
    }
    return cost + ActualSelectionCost(field.selections, value);
}

int64_t ActualSelectionCost(const std::vector<GraphqlField>& fields, const json::value& data) {
    if (!data.is_object()) {
        return 0;
    }
    int64_t cost = 0;
    for (const auto& field : fields) {
        if (const auto* value = data.get_object().if_contains(field.alias)) {
            cost += ActualFieldCost(field, *value);
        }
    }
    return cost;
}

}  // namespace

int64_t RequestedQueryCost(const GraphqlOperation& operation) {
    const int64_t base = operation.is_mutation ? kMutationCost : 0;
    return base + SelectionCost(operation.fields, 1);
}

int64_t ActualQueryCost(const GraphqlOperation& operation, const json::value& data) {
    const int64_t base = operation.is_mutation ? kMutationCost : 0;
    return std::min(RequestedQueryCost(operation),
                    base + ActualSelectionCost(operation.fields, data));
}

}  // namespace scs::sandbox
