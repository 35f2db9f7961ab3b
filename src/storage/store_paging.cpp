#include "storage/store_paging.hpp"

#include <algorithm>

#include "storage/page_cursor.hpp"

namespace scs {

// The order cursor's encoding already carries "<integer>:<text>" safely; here the integer is
// the length of the first column, which splits the text back into the two columns.
std::string EncodeTextKeyCursor(const TextKey& key) {
    const auto length = static_cast<int64_t>(key.first.size());
    return EncodePageCursor({FromUnixMillis(length), key.first + key.second});
}

std::optional<TextKey> DecodeTextKeyCursor(std::string_view cursor) {
    const auto page_key = DecodePageCursor(cursor);
    if (!page_key) {
        return std::nullopt;
    }
    const int64_t length = ToUnixMillis(page_key->stored_at);
    if (length < 0 || static_cast<size_t>(length) > page_key->id.size()) {
        return std::nullopt;
    }
    const auto split = static_cast<size_t>(length);
    return TextKey{page_key->id.substr(0, split), page_key->id.substr(split)};
}

std::string AppendInList(SqlParams& params, const std::vector<std::string>& values) {
    std::string list = "(";
    for (const std::string& value : values) {
        params.emplace_back(value);
        list += (list.size() > 1 ? ", $" : "$") + std::to_string(params.size());
    }
    return list + ")";
}

std::vector<std::vector<std::string>> Chunked(const std::vector<std::string>& values, size_t size) {
    std::vector<std::vector<std::string>> chunks;
    for (size_t at = 0; at < values.size(); at += size) {
        const size_t end = std::min(values.size(), at + size);
        chunks.emplace_back(values.begin() + static_cast<std::ptrdiff_t>(at),
                            values.begin() + static_cast<std::ptrdiff_t>(end));
    }
    return chunks;
}

}  // namespace scs
