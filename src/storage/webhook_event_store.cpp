#include "storage/webhook_event_store.hpp"

#include <array>

#include "storage/store_rows.hpp"

namespace scs {
namespace {

constexpr std::string_view kColumns =
    "id, platform, connection_id, topic, dedup_key, headers_json, body, triggered_at, "
    "received_at, status, error, attempts, processed_at";

// DO NOTHING instead of a unique violation keeps the caller's PostgreSQL transaction usable.
constexpr std::string_view kInsert =
    "INSERT INTO webhook_events (platform, connection_id, topic, dedup_key, headers_json, body, "
    "triggered_at, received_at, status, error, attempts, processed_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
    "ON CONFLICT (platform, connection_id, dedup_key) DO NOTHING RETURNING id";

constexpr std::string_view kMark =
    "UPDATE webhook_events SET status = $2, error = $3, attempts = attempts + 1, "
    "processed_at = COALESCE($4, processed_at) WHERE id = $1 RETURNING id";

constexpr std::array<std::string_view, 4> kStatusNames{
    "received", "processed", "ignored", "failed"};

enum Column : size_t {
    kId,
    kPlatform,
    kConnectionId,
    kTopic,
    kDedupKey,
    kHeaders,
    kBody,
    kTriggeredAt,
    kReceivedAt,
    kStatus,
    kError,
    kAttempts,
    kProcessedAt,
};

std::string Select(std::string_view where) {
    return "SELECT " + std::string(kColumns) + " FROM webhook_events " + std::string(where);
}

Result<WebhookEvent> EventFromRow(const SqlRow& row) {
    RowReader reader(row, "webhook_events");
    WebhookEvent event;
    event.id = reader.Int(kId, "id");
    event.platform = reader.Text(kPlatform);
    event.connection_id = reader.Int(kConnectionId, "connection_id");
    event.topic = reader.Text(kTopic);
    event.dedup_key = reader.Text(kDedupKey);
    event.headers_json = reader.Text(kHeaders);
    event.body = reader.Text(kBody);
    event.triggered_at = reader.OptionalTime(kTriggeredAt, "triggered_at");
    event.received_at = reader.Time(kReceivedAt, "received_at");
    event.error = reader.Text(kError);
    event.attempts = reader.Int(kAttempts, "attempts");
    event.processed_at = reader.OptionalTime(kProcessedAt, "processed_at");
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    const auto status = ParseWebhookEventStatus(reader.Text(kStatus));
    if (!status) {
        return Fail(ErrorCode::kInternal,
                    "stored webhook event status is unknown: " + row.Text(kStatus));
    }
    event.status = *status;
    return event;
}

Result<std::vector<WebhookEvent>> EventsFromRows(const Result<SqlRows>& rows) {
    if (!rows) {
        return tl::unexpected(rows.error());
    }
    std::vector<WebhookEvent> events;
    events.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        auto event = EventFromRow(row);
        if (!event) {
            return tl::unexpected(std::move(event.error()));
        }
        events.push_back(std::move(*event));
    }
    return events;
}

std::string ListSql(const WebhookEventQuery& query, SqlParams& params) {
    std::string where;
    const auto add = [&](std::string_view column, SqlValue value) {
        params.push_back(std::move(value));
        where += (where.empty() ? "WHERE " : " AND ") + std::string(column) + " $" +
                 std::to_string(params.size());
    };
    if (query.connection_id) {
        add("connection_id =", *query.connection_id);
    }
    if (query.status) {
        add("status =", std::string(WebhookEventStatusName(*query.status)));
    }
    if (query.before_id) {
        add("id <", *query.before_id);
    }
    params.emplace_back(int64_t{query.limit});
    return Select(where + " ORDER BY id DESC LIMIT $" + std::to_string(params.size()));
}

}  // namespace

std::string_view WebhookEventStatusName(WebhookEventStatus status) {
    return kStatusNames.at(static_cast<size_t>(status));
}

std::optional<WebhookEventStatus> ParseWebhookEventStatus(std::string_view name) {
    for (size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames.at(i) == name) {
            return static_cast<WebhookEventStatus>(i);
        }
    }
    return std::nullopt;
}

Result<std::optional<int64_t>> InsertWebhookEvent(SqlSession& tx, const WebhookEvent& event) {
    auto rows = tx.Exec(kInsert,
                        {event.platform,
                         event.connection_id,
                         event.topic,
                         event.dedup_key,
                         event.headers_json.empty() ? std::string("{}") : event.headers_json,
                         event.body,
                         TimeParam(event.triggered_at),
                         ToUnixMillis(event.received_at),
                         std::string(WebhookEventStatusName(event.status)),
                         event.error,
                         event.attempts,
                         TimeParam(event.processed_at)});
    if (rows && rows->empty()) {
        return std::optional<int64_t>();
    }
    auto id = InsertedId(rows, "webhook_events");
    if (!id) {
        return tl::unexpected(std::move(id.error()));
    }
    return std::optional<int64_t>(*id);
}

Result<WebhookEvent> GetWebhookEvent(SqlExecutor& executor, int64_t id) {
    auto events =
        TransactValue<std::vector<WebhookEvent>>(executor, TxMode::kRead, [&](SqlSession& session) {
            return EventsFromRows(session.Exec(Select("WHERE id = $1"), {id}));
        });
    if (!events) {
        return tl::unexpected(std::move(events.error()));
    }
    if (events->empty()) {
        return Fail(ErrorCode::kNotFound, "webhook event " + std::to_string(id) + " not found");
    }
    return std::move(events->front());
}

Result<std::vector<WebhookEvent>> ListWebhookEvents(SqlExecutor& executor,
                                                    const WebhookEventQuery& query) {
    if (auto checked = CheckListLimit(query.limit); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    SqlParams params;
    const std::string sql = ListSql(query, params);
    return TransactValue<std::vector<WebhookEvent>>(
        executor, TxMode::kRead, [&](SqlSession& session) {
            return EventsFromRows(session.Exec(sql, params));
        });
}

Status MarkWebhookEvent(SqlExecutor& executor,
                        int64_t id,
                        WebhookEventStatus status,
                        std::string_view error,
                        TimePoint now) {
    const bool done =
        status == WebhookEventStatus::kProcessed || status == WebhookEventStatus::kIgnored;
    const SqlParams params{id,
                           std::string(WebhookEventStatusName(status)),
                           std::string(error),
                           done ? TimeParam(now) : SqlValue{}};
    return executor.Transact(TxMode::kWrite, [&](SqlSession& session) {
        return ExpectOneRow(session.Exec(kMark, params), "webhook event " + std::to_string(id));
    });
}

}  // namespace scs
