#include "sandbox/shopify/order_book.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "sandbox/shopify/rest_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

constexpr int64_t kAssignedIdBase = 6'600'000'000'000;

bool IsDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

std::optional<std::string> IdText(const json::value* id) {
    if (id == nullptr) {
        return std::nullopt;
    }
    if (id->is_int64() && id->get_int64() > 0) {
        return std::to_string(id->get_int64());
    }
    if (id->is_uint64()) {
        return std::to_string(id->get_uint64());
    }
    if (id->is_string() && IsDigits(id->get_string())) {
        return std::string(id->get_string());
    }
    return std::nullopt;
}

json::value IdValue(const std::string& id) {
    const uint64_t number = std::stoull(id);
    if (number <= static_cast<uint64_t>(INT64_MAX)) {
        return static_cast<int64_t>(number);
    }
    return number;
}

std::optional<TimePoint> TimeField(const json::object& order, std::string_view key) {
    const auto* value = order.if_contains(key);
    if (value == nullptr || !value->is_string()) {
        return std::nullopt;
    }
    return ParseRfc3339(value->get_string());
}

bool IsSet(const json::object& order, std::string_view key) {
    const auto* value = order.if_contains(key);
    return value != nullptr && !value->is_null();
}

// Ids compare as numbers: shorter digit strings are smaller.
using SortKey = std::tuple<int64_t, size_t, std::string>;

SortKey KeyOf(int64_t updated_ms, const std::string& id, bool by_updated_at) {
    return {by_updated_at ? updated_ms : 0, id.size(), id};
}

std::string EncodeCursor(const SortKey& key) {
    return Base64Encode(std::to_string(std::get<0>(key)) + ":" + std::get<2>(key));
}

Result<SortKey> DecodeCursor(const std::string& cursor) {
    const auto text = Base64Decode(cursor);
    const size_t colon = text ? text->find(':') : std::string::npos;
    if (colon == std::string::npos || colon == 0 || !IsDigits(text->substr(colon + 1))) {
        return Fail(ErrorCode::kBadRequest, "Invalid cursor for current pagination.");
    }
    const std::string id = text->substr(colon + 1);
    try {
        return SortKey{std::stoll(text->substr(0, colon)), id.size(), id};
    } catch (const std::exception&) {
        return Fail(ErrorCode::kBadRequest, "Invalid cursor for current pagination.");
    }
}

bool Within(const TimeBounds& bounds, TimePoint time) {
    if (bounds.after &&
        (time < *bounds.after || (!bounds.after_inclusive && time == *bounds.after))) {
        return false;
    }
    return !(bounds.before &&
             (time > *bounds.before || (!bounds.before_inclusive && time == *bounds.before)));
}

bool Matches(const OrderFilter& filter, TimePoint updated_at, const json::object& order) {
    if (!Within(filter.updated, updated_at)) {
        return false;
    }
    if (!filter.created.after && !filter.created.before) {
        return true;
    }
    const auto created_at = TimeField(order, "created_at");
    return created_at && Within(filter.created, *created_at);
}

std::optional<TimePoint> ParseSearchTime(std::string_view text) {
    if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"')) {
        text = text.substr(1, text.size() - 2);
    }
    if (auto time = ParseRfc3339(text)) {
        return time;
    }
    // A bare date means its midnight (UTC: the sandbox shop's search timezone).
    return ParseRfc3339(std::string(text) + "T00:00:00Z");
}

Status ApplyTerm(std::string_view term, OrderFilter& filter) {
    const size_t colon = term.find(':');
    const std::string_view field = term.substr(0, colon);
    TimeBounds* bounds = field == "updated_at"   ? &filter.updated
                         : field == "created_at" ? &filter.created
                                                 : nullptr;
    if (bounds == nullptr || colon == std::string_view::npos) {
        return {};
    }
    std::string_view rest = term.substr(colon + 1);
    const bool greater = !rest.empty() && rest.front() == '>';
    const bool less = !rest.empty() && rest.front() == '<';
    rest.remove_prefix(greater || less ? 1 : 0);
    const bool inclusive = !rest.empty() && rest.front() == '=';
    rest.remove_prefix(inclusive ? 1 : 0);
    const auto time = ParseSearchTime(rest);
    if (!time) {
        return Fail(ErrorCode::kBadRequest, "Invalid " + std::string(field) + " value in query");
    }
    if (!less) {
        bounds->after = *time;
        bounds->after_inclusive = inclusive || !greater;
    }
    if (!greater) {
        bounds->before = *time;
        bounds->before_inclusive = inclusive || !less;
    }
    return {};
}

// Splits on spaces outside quotes.
std::vector<std::string_view> SearchTerms(std::string_view query) {
    std::vector<std::string_view> terms;
    size_t start = 0;
    char quote = 0;
    for (size_t i = 0; i <= query.size(); ++i) {
        const char c = i < query.size() ? query[i] : ' ';
        if (quote != 0) {
            quote = c == quote ? '\0' : quote;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == ' ') {
            if (i > start) {
                terms.push_back(query.substr(start, i - start));
            }
            start = i + 1;
        }
    }
    return terms;
}

}  // namespace

Result<OrderFilter> ParseOrderFilter(std::string_view query) {
    OrderFilter filter;
    for (const auto term : SearchTerms(query)) {
        if (auto applied = ApplyTerm(term, filter); !applied) {
            return tl::unexpected(applied.error());
        }
    }
    return filter;
}

std::string OrderBook::NextId() {
    int64_t candidate = kAssignedIdBase + static_cast<int64_t>(orders_.size());
    while (orders_.count(std::to_string(candidate)) > 0) {
        ++candidate;
    }
    return std::to_string(candidate);
}

Result<OrderChange> OrderBook::Upsert(json::object order, TimePoint now) {
    const auto given_id = IdText(order.if_contains("id"));
    if (order.contains("id") && !given_id) {
        return FailField("order.id", "must be a positive integer");
    }
    const std::string id = given_id ? *given_id : NextId();
    auto found = orders_.find(id);
    OrderChange change;
    change.created = found == orders_.end();
    json::object merged = change.created ? json::object{} : found->second.rest;
    const bool was_cancelled = !change.created && IsSet(merged, "cancelled_at");
    for (auto& field : order) {
        merged[field.key()] = std::move(field.value());
    }
    merged["id"] = IdValue(id);
    merged["admin_graphql_api_id"] = Gid("Order", id);
    if (!merged.contains("name")) {
        merged["name"] = "#" + std::to_string(next_number_);
    }
    ++next_number_;
    auto updated_at = order.contains("updated_at") ? TimeField(merged, "updated_at") : now;
    if (!updated_at) {
        return FailField("order.updated_at", "must be an RFC 3339 time");
    }
    if (!change.created && *updated_at <= found->second.updated_at) {
        updated_at = std::max(now, found->second.updated_at + std::chrono::seconds(1));
        merged["updated_at"] = FormatRfc3339(*updated_at);
    } else if (!order.contains("updated_at")) {
        merged["updated_at"] = FormatRfc3339(*updated_at);
    }
    if (!merged.contains("created_at")) {
        merged["created_at"] = merged["updated_at"];
    }
    if (!TimeField(merged, "created_at")) {
        return FailField("order.created_at", "must be an RFC 3339 time");
    }
    change.cancelled_now = !was_cancelled && IsSet(merged, "cancelled_at");
    change.order = merged;
    orders_[id] = Stored{*updated_at, std::move(merged)};
    return change;
}

std::optional<json::object> OrderBook::Find(const std::string& id) const {
    const auto found = orders_.find(id);
    return found == orders_.end() ? std::nullopt : std::optional(found->second.rest);
}

Result<OrderPageResult> OrderBook::Page(const OrderPageRequest& request) const {
    std::optional<SortKey> after;
    if (request.after) {
        auto decoded = DecodeCursor(*request.after);
        if (!decoded) {
            return tl::unexpected(decoded.error());
        }
        after = *decoded;
    }
    std::vector<std::pair<SortKey, const json::object*>> matching;
    for (const auto& [id, stored] : orders_) {
        const SortKey key = KeyOf(ToUnixMillis(stored.updated_at), id, request.by_updated_at);
        const bool past_cursor = !after || (request.reverse ? key < *after : key > *after);
        if (past_cursor && Matches(request.filter, stored.updated_at, stored.rest)) {
            matching.emplace_back(key, &stored.rest);
        }
    }
    std::sort(matching.begin(), matching.end(), [&](const auto& a, const auto& b) {
        return request.reverse ? b.first < a.first : a.first < b.first;
    });
    OrderPageResult page;
    for (const auto& [key, order] : matching) {
        if (static_cast<int64_t>(page.orders.size()) == request.first) {
            page.has_next_page = true;
            break;
        }
        page.orders.push_back(*order);
        page.cursors.push_back(EncodeCursor(key));
    }
    return page;
}

}  // namespace scs::sandbox
