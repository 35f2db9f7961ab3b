#include "storage/sql.hpp"

#include <charconv>

namespace scs {

bool SqlRow::IsNull(size_t column) const {
    return std::holds_alternative<std::monostate>(cells_.at(column));
}

std::string SqlRow::Text(size_t column) const {
    const SqlValue& cell = cells_.at(column);
    if (const auto* text = std::get_if<std::string>(&cell)) {
        return *text;
    }
    if (const auto* number = std::get_if<int64_t>(&cell)) {
        return std::to_string(*number);
    }
    return {};
}

std::optional<int64_t> SqlRow::Int(size_t column) const {
    const SqlValue& cell = cells_.at(column);
    if (const auto* number = std::get_if<int64_t>(&cell)) {
        return *number;
    }
    const auto* text = std::get_if<std::string>(&cell);
    if (text == nullptr || text->empty()) {
        return std::nullopt;
    }
    int64_t value = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

bool SqlRow::Bool(size_t column) const {
    if (const auto number = Int(column)) {
        return *number != 0;
    }
    const auto* text = std::get_if<std::string>(&cells_.at(column));
    return text != nullptr && (*text == "t" || *text == "true");
}

}  // namespace scs
