#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/auth.hpp"
#include "core/connection.hpp"
#include "core/result.hpp"
#include "http/request.hpp"
#include "storage/connection_store.hpp"

// The path parameters every seller-scoped resource shares: the seller id and the connection id,
// and the 404 rules that keep a scoped token from learning what belongs to other sellers. Pure
// apart from the store read; thread-safe.
namespace scs {

// 1-64 letters, digits, '-', '_' or '.'.
bool IsValidSellerId(std::string_view id);

// A whole number above zero, e.g. an id in a path; nullopt for anything else.
std::optional<int64_t> ParsePositiveId(std::string_view text);

// The seller named by the path, if the caller may act for it. kBadRequest for a malformed id;
// another seller's path is kNotFound, so a scoped token cannot even learn that it exists.
[[nodiscard]] Result<std::string> SellerFromPath(const HttpRequest& request,
                                                 const Principal& principal);

// The connection named by {seller_id}/{ssc_id}, if the caller may see it and it is not
// disconnected; kNotFound otherwise (also for a malformed ssc_id), the store's other errors as
// they are.
[[nodiscard]] Result<Connection> LoadVisibleConnection(ConnectionStore& store,
                                                       const HttpRequest& request,
                                                       const Principal& principal);

}  // namespace scs
