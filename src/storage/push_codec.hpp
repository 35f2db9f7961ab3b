#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/push_store.hpp"
#include "storage/sql.hpp"

// Reading push records and their items back from rows (internal to storage/): the column lists
// and decoders the push and inventory functions share. Pure functions over borrowed sessions.
namespace scs {

// "SELECT <push columns> FROM pushes <where>".
std::string SelectPushes(std::string_view where);

// The pushes matching `where` (over table `pushes`), each with its items by id.
[[nodiscard]] Result<std::vector<PushRecord>> ReadPushes(SqlSession& session,
                                                         const std::string& where,
                                                         const SqlParams& params);

// "" as NULL: a push without an idempotency key never collides with another.
SqlValue OptionalText(const std::string& text);

// The value of an optional integer column or parameter.
SqlValue OptionalInt(const std::optional<int64_t>& value);

}  // namespace scs
