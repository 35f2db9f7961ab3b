#include "storage/postgres/pg_sql.hpp"

#include <algorithm>

namespace scs {
namespace {

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

// The position just past the quoted run that starts at `pos` and ends with `quote`; a doubled
// quote inside stays inside.
size_t SkipQuoted(std::string_view sql, size_t pos, char quote) {
    for (++pos; pos < sql.size(); ++pos) {
        if (sql[pos] != quote) {
            continue;
        }
        if (pos + 1 < sql.size() && sql[pos + 1] == quote) {
            ++pos;
            continue;
        }
        return pos + 1;
    }
    return pos;
}

size_t SkipLineComment(std::string_view sql, size_t pos) {
    const size_t end = sql.find('\n', pos);
    return end == std::string_view::npos ? sql.size() : end + 1;
}

}  // namespace

int HighestPlaceholder(std::string_view sql) {
    int highest = 0;
    size_t pos = 0;
    while (pos < sql.size()) {
        const char c = sql[pos];
        if (c == '\'' || c == '"') {
            pos = SkipQuoted(sql, pos, c);
        } else if (sql.substr(pos, 2) == "--") {
            pos = SkipLineComment(sql, pos);
        } else if (c == '$' && pos + 1 < sql.size() && IsDigit(sql[pos + 1])) {
            int number = 0;
            for (++pos; pos < sql.size() && IsDigit(sql[pos]); ++pos) {
                number = std::min(number * 10 + (sql[pos] - '0'), 100000);
            }
            highest = std::max(highest, number);
        } else {
            ++pos;
        }
    }
    return highest;
}

}  // namespace scs
