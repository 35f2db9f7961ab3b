#include "connectors/shopify/shopify_push_json.hpp"

#include <boost/json.hpp>

namespace scs::shopify {

const boost::json::object* ObjectAt(const boost::json::object& parent, std::string_view key) {
    const auto* value = parent.if_contains(key);
    return value != nullptr && value->is_object() ? &value->get_object() : nullptr;
}

const boost::json::array* ArrayAt(const boost::json::object& parent, std::string_view key) {
    const auto* value = parent.if_contains(key);
    return value != nullptr && value->is_array() ? &value->get_array() : nullptr;
}

std::string StringAt(const boost::json::object& parent, std::string_view key) {
    const auto* value = parent.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

std::optional<int64_t> IntAt(const boost::json::object& parent, std::string_view key) {
    const auto* value = parent.if_contains(key);
    if (value == nullptr || !value->is_number()) {
        return std::nullopt;
    }
    boost::system::error_code error;
    const auto number = value->to_number<int64_t>(error);
    return error ? std::nullopt : std::optional<int64_t>(number);
}

bool BoolAt(const boost::json::object& parent, std::string_view key) {
    const auto* value = parent.if_contains(key);
    return value != nullptr && value->is_bool() && value->get_bool();
}

std::vector<const boost::json::object*> NodesAt(const boost::json::object& parent,
                                                std::string_view key) {
    const boost::json::array* list = ArrayAt(parent, key);
    if (const auto* connection = ObjectAt(parent, key); connection != nullptr) {
        list = ArrayAt(*connection, "nodes");
    }
    std::vector<const boost::json::object*> nodes;
    if (list == nullptr) {
        return nodes;
    }
    for (const auto& node : *list) {
        if (node.is_object()) {
            nodes.push_back(&node.get_object());
        }
    }
    return nodes;
}

std::string GidTail(std::string_view gid) {
    const size_t slash = gid.rfind('/');
    return std::string(slash == std::string_view::npos ? gid : gid.substr(slash + 1));
}

std::string ShopifyGid(std::string_view type, std::string_view id) {
    if (id.rfind("gid://", 0) == 0) {
        return std::string(id);
    }
    return "gid://shopify/" + std::string(type) + "/" + std::string(id);
}

Result<const boost::json::object*> MutationPayload(const boost::json::object& data,
                                                   std::string_view mutation) {
    const auto* payload = ObjectAt(data, mutation);
    if (payload == nullptr) {
        return Fail(ErrorCode::kInvalidPayload, "Shopify answered no " + std::string(mutation));
    }
    return payload;
}

std::vector<ShopifyUserError> ReadUserErrors(const boost::json::object& payload,
                                             std::string_view key) {
    std::vector<ShopifyUserError> errors;
    const auto* list = ArrayAt(payload, key);
    if (list == nullptr) {
        return errors;
    }
    for (const auto& entry : *list) {
        if (!entry.is_object()) {
            continue;
        }
        ShopifyUserError error{StringAt(entry.get_object(), "code"), {}, {}};
        error.message = StringAt(entry.get_object(), "message");
        if (const auto* field = ArrayAt(entry.get_object(), "field"); field != nullptr) {
            for (const auto& part : *field) {
                error.field.push_back(part.is_string() ? std::string(part.get_string())
                                                       : boost::json::serialize(part));
            }
        }
        errors.push_back(std::move(error));
    }
    return errors;
}

std::string JoinMessages(const std::vector<ShopifyUserError>& errors) {
    std::string out;
    for (const auto& error : errors) {
        out += (out.empty() ? "" : "; ") + error.message;
    }
    return out;
}

}  // namespace scs::shopify
