#include "sandbox/shopify/graphql_push_resolvers.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>

#include "sandbox/shopify/inventory_set.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

int64_t FirstArg(const GraphqlField& field) {
    const auto* first = field.args.if_contains("first");
    return first != nullptr && first->is_int64() ? std::max<int64_t>(0, first->get_int64()) : 0;
}

const json::object& ObjectArg(const GraphqlField& field, std::string_view key) {
    static const json::object kEmpty;
    const auto* value = field.args.if_contains(key);
    return value != nullptr && value->is_object() ? value->get_object() : kEmpty;
}

std::string TextArg(const json::object& args, std::string_view key) {
    const auto* value = args.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

// Variants page by position: the cursor encodes the index of the last variant returned.
json::value ResolveVariants(const GraphqlField& field, const ResolveContext& context) {
    const json::array all = context.store.VariantNodes();
    size_t start = 0;
    if (const auto after = Base64Decode(TextArg(field.args, "after"));
        after && after->rfind("variant:", 0) == 0) {
        start = std::strtoull(after->c_str() + 8, nullptr, 10) + 1;
    }
    json::array nodes;
    json::array edges;
    size_t index = start;
    for (; index < all.size() && static_cast<int64_t>(index - start) < FirstArg(field); ++index) {
        const std::string cursor = Base64Encode("variant:" + std::to_string(index));
        edges.push_back({{"node", all[index]}, {"cursor", cursor}});
        nodes.push_back(all[index]);
    }
    const json::value end = edges.empty() ? json::value(nullptr) : edges.back().at("cursor");
    return json::object{{"nodes", std::move(nodes)},
                        {"edges", std::move(edges)},
                        {"pageInfo",
                         {{"hasNextPage", index < all.size()},
                          {"hasPreviousPage", start > 0},
                          {"endCursor", end}}}};
}

Result<json::value> ResolveNodes(const GraphqlField& field, const ResolveContext& context) {
    const auto* ids = field.args.if_contains("ids");
    if (ids == nullptr || !ids->is_array() || ids->get_array().size() > 250) {
        return Fail(ErrorCode::kBadRequest, "nodes(ids:) takes a list of at most 250 ids");
    }
    json::array nodes;
    for (const auto& id : ids->get_array()) {
        nodes.push_back(id.is_string() ? NodeById(std::string(id.get_string()), field, context)
                                       : json::value(nullptr));
    }
    return nodes;
}

}  // namespace

json::value NodeById(const std::string& gid,
                     const GraphqlField& field,
                     const ResolveContext& context) {
    if (const int64_t item = GidNumber(gid, "InventoryItem"); item != 0) {
        return context.store.InventoryItemNode(item);
    }
    return OrderNode(gid, field, context);
}

namespace {

Result<json::value> ResolveInventorySet(const GraphqlField& field, const ResolveContext& context) {
    std::optional<std::string> key;
    if (const auto* idempotent = FindDirective(field, "idempotent")) {
        const std::string text = TextArg(idempotent->args, "key");
        if (!text.empty()) {
            key = text;
        }
    }
    auto payload = context.store.SetInventory(
        ObjectArg(field, "input"), key, context.api_version, context.now);
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    return json::value(std::move(*payload));
}

}  // namespace

std::optional<Result<json::value>> ResolvePushField(const GraphqlField& field,
                                                    const ResolveContext& context) {
    SandboxStore& store = context.store;
    if (field.name == "locations") {
        return json::value(Connection(store.LocationNodes(), FirstArg(field)));
    }
    if (field.name == "productVariants") {
        return ResolveVariants(field, context);
    }
    if (field.name == "nodes") {
        return ResolveNodes(field, context);
    }
    if (field.name == "inventorySetQuantities") {
        return ResolveInventorySet(field, context);
    }
    if (field.name == "fulfillmentCreate") {
        return json::value(store.CreateFulfillment(ObjectArg(field, "fulfillment"), context.now));
    }
    if (field.name == "orderCancel") {
        return json::value(store.CancelOrder(field.args, context.now));
    }
    if (field.name == "job") {
        return store.JobNode(TextArg(field.args, "id"), context.now);
    }
    if (field.name == "orderClose") {
        return json::value(store.CloseOrder(TextArg(ObjectArg(field, "input"), "id"), context.now));
    }
    return std::nullopt;
}

}  // namespace scs::sandbox
