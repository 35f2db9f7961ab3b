#include "storage/push_codec.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "storage/store_rows.hpp"

namespace scs {
namespace {

constexpr std::array<std::string_view, 3> kKindNames{"inventory", "fulfillment", "status"};
constexpr std::array<std::string_view, 5> kStateNames{
    "queued", "running", "done", "failed", "skipped"};
constexpr std::array<std::string_view, 5> kItemStateNames{
    "queued", "done", "skipped", "coalesced", "failed"};

constexpr std::string_view kPushColumns =
    "id, connection_id, seller_id, kind, state, idempotency_key, order_external_id, "
    "request_json, result_json, error_code, error, attempts, created_at, updated_at, finished_at";

constexpr std::string_view kItemColumns =
    "id, push_id, sku, hub_code, quantity, location_id, pushed_quantity, state, error_code, "
    "detail";

// Items are fetched for this many pushes per statement (a page is at most 200).
constexpr size_t kPushesPerItemQuery = 200;

template <class Enum, size_t N>
std::optional<Enum> ParseName(const std::array<std::string_view, N>& names, std::string_view name) {
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
        return std::nullopt;
    }
    return static_cast<Enum>(found - names.begin());
}

tl::unexpected<Error> BadEnum(std::string_view column, const std::string& value) {
    return Fail(ErrorCode::kInternal,
                "stored " + std::string(column) + " '" + value + "' is unknown");
}

Result<PushRecord> PushFromRow(const SqlRow& row) {
    RowReader reader(row, "pushes");
    PushRecord push;
    push.id = reader.Int(0, "id");
    push.connection_id = reader.Int(1, "connection_id");
    push.seller_id = reader.Text(2);
    const auto kind = ParsePushKind(reader.Text(3));
    const auto state = ParsePushState(reader.Text(4));
    push.idempotency_key = reader.Text(5);
    push.order_external_id = reader.Text(6);
    push.request_json = reader.Text(7);
    push.result_json = reader.Text(8);
    push.error_code = reader.Text(9);
    push.error = reader.Text(10);
    push.attempts = reader.Int(11, "attempts");
    push.created_at = reader.Time(12, "created_at");
    push.updated_at = reader.Time(13, "updated_at");
    push.finished_at = reader.OptionalTime(14, "finished_at");
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    if (!kind) {
        return BadEnum("pushes.kind", reader.Text(3));
    }
    if (!state) {
        return BadEnum("pushes.state", reader.Text(4));
    }
    push.kind = *kind;
    push.state = *state;
    return push;
}

Result<PushItem> ItemFromRow(const SqlRow& row) {
    RowReader reader(row, "push_items");
    PushItem item;
    item.id = reader.Int(0, "id");
    item.push_id = reader.Int(1, "push_id");
    item.sku = reader.Text(2);
    item.hub_code = reader.Text(3);
    item.quantity = reader.Int(4, "quantity");
    item.location_id = reader.Text(5);
    if (!row.IsNull(6)) {
        item.pushed_quantity = reader.Int(6, "pushed_quantity");
    }
    const auto state = ParsePushItemState(reader.Text(7));
    item.error_code = reader.Text(8);
    item.detail = reader.Text(9);
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    if (!state) {
        return BadEnum("push_items.state", reader.Text(7));
    }
    item.state = *state;
    return item;
}

template <class T, class Decode>
Result<std::vector<T>> Decoded(Result<SqlRows> rows, Decode decode) {
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    std::vector<T> values;
    values.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        auto value = decode(row);
        if (!value) {
            return tl::unexpected(std::move(value.error()));
        }
        values.push_back(std::move(*value));
    }
    return values;
}

// Fills in each push's items, by id.
Status AttachItems(SqlSession& session, std::vector<PushRecord>& pushes) {
    std::map<int64_t, PushRecord*> by_id;
    std::vector<std::string> ids;
    for (PushRecord& push : pushes) {
        by_id[push.id] = &push;
        ids.push_back(std::to_string(push.id));
    }
    for (size_t at = 0; at < ids.size(); at += kPushesPerItemQuery) {
        std::string in_list;
        const size_t end = std::min(ids.size(), at + kPushesPerItemQuery);
        for (size_t i = at; i < end; ++i) {
            in_list += (i == at ? "" : ", ") + ids[i];  // integers: safe to inline
        }
        auto items = Decoded<PushItem>(
            session.Exec("SELECT " + std::string(kItemColumns) +
                         " FROM push_items WHERE push_id IN (" + in_list + ") ORDER BY id"),
            ItemFromRow);
        if (!items) {
            return tl::unexpected(std::move(items.error()));
        }
        for (PushItem& item : *items) {
            by_id.at(item.push_id)->items.push_back(std::move(item));
        }
    }
    return {};
}

}  // namespace

std::string_view PushKindName(PushKind kind) {
    return kKindNames.at(static_cast<size_t>(kind));
}

std::optional<PushKind> ParsePushKind(std::string_view name) {
    return ParseName<PushKind>(kKindNames, name);
}

std::string_view PushStateName(PushState state) {
    return kStateNames.at(static_cast<size_t>(state));
}

std::optional<PushState> ParsePushState(std::string_view name) {
    return ParseName<PushState>(kStateNames, name);
}

std::string_view PushItemStateName(PushItemState state) {
    return kItemStateNames.at(static_cast<size_t>(state));
}

std::optional<PushItemState> ParsePushItemState(std::string_view name) {
    return ParseName<PushItemState>(kItemStateNames, name);
}

std::string SelectPushes(std::string_view where) {
    return "SELECT " + std::string(kPushColumns) + " FROM pushes " + std::string(where);
}

Result<std::vector<PushRecord>> ReadPushes(SqlSession& session,
                                           const std::string& where,
                                           const SqlParams& params) {
    auto pushes = Decoded<PushRecord>(session.Exec(SelectPushes(where), params), PushFromRow);
    if (!pushes) {
        return tl::unexpected(std::move(pushes.error()));
    }
    if (auto attached = AttachItems(session, *pushes); !attached) {
        return tl::unexpected(std::move(attached.error()));
    }
    return pushes;
}

SqlValue OptionalText(const std::string& text) {
    if (text.empty()) {
        return std::monostate{};
    }
    return text;
}

SqlValue OptionalInt(const std::optional<int64_t>& value) {
    if (!value) {
        return std::monostate{};
    }
    return *value;
}

}  // namespace scs
