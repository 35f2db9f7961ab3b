#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/result.hpp"

// Lenient readers of GraphQL answers for the push-back calls (catalogue, stock, fulfilment,
// order status): absent or mistyped fields read as empty, and the callers decide what is
// required. Pure functions, thread-safe.
namespace scs::shopify {

// Shopify prices a mutation at 10 points plus its selection.
inline constexpr int kMutationBaseCost = 10;

const boost::json::object* ObjectAt(const boost::json::object& parent, std::string_view key);
const boost::json::array* ArrayAt(const boost::json::object& parent, std::string_view key);
std::string StringAt(const boost::json::object& parent, std::string_view key);
std::optional<int64_t> IntAt(const boost::json::object& parent, std::string_view key);
bool BoolAt(const boost::json::object& parent, std::string_view key);

// The objects of `parent.<key>.nodes` (a connection) or of `parent.<key>` (a list).
std::vector<const boost::json::object*> NodesAt(const boost::json::object& parent,
                                                std::string_view key);

// "gid://shopify/Order/450789469" -> "450789469" (text without a slash is kept).
std::string GidTail(std::string_view gid);

// ("Order", "450789469") -> "gid://shopify/Order/450789469"; a value already a gid is kept.
std::string ShopifyGid(std::string_view type, std::string_view id);

// One entry of a payload's userErrors (or orderCancelUserErrors).
struct ShopifyUserError {
    std::string code;  // empty where the payload has none
    std::vector<std::string> field;
    std::string message;
};

// `data.<mutation>`; kInvalidPayload when the answer has no such object.
[[nodiscard]] Result<const boost::json::object*> MutationPayload(const boost::json::object& data,
                                                                 std::string_view mutation);

// The entries of payload.<key> (absent: none).
std::vector<ShopifyUserError> ReadUserErrors(const boost::json::object& payload,
                                             std::string_view key = "userErrors");

// "message; message" of every entry.
std::string JoinMessages(const std::vector<ShopifyUserError>& errors);

}  // namespace scs::shopify
