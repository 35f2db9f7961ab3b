#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sql.hpp"

// Query pieces the listing and push stores share (internal to storage/): the opaque keyset cursor
// of lists ordered by two text columns, and `IN (...)` lists of parameters. Pure functions.
namespace scs {

// The last row of a page: its two sort columns, e.g. (sku, variant_id).
struct TextKey {
    std::string first;
    std::string second;
};

// Opaque and URL-safe; DecodeTextKeyCursor gives the key back.
std::string EncodeTextKeyCursor(const TextKey& key);

// nullopt for anything EncodeTextKeyCursor did not produce.
std::optional<TextKey> DecodeTextKeyCursor(std::string_view cursor);

// Appends `values` to `params` and returns "($k, $k+1, ...)" naming them. `values` non-empty.
std::string AppendInList(SqlParams& params, const std::vector<std::string>& values);

// `values` split into runs of at most `size`, so no statement exceeds a dialect's parameter limit.
std::vector<std::vector<std::string>> Chunked(const std::vector<std::string>& values, size_t size);

}  // namespace scs
