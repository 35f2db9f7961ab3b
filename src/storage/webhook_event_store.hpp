#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"

// Raw platform webhook deliveries as received (table `webhook_events`, migration 0006): kept
// before the platform gets its 200, processed afterwards by a worker, replayable by operators.
namespace scs {

enum class WebhookEventStatus { kReceived, kProcessed, kIgnored, kFailed };

std::string_view WebhookEventStatusName(WebhookEventStatus status);
std::optional<WebhookEventStatus> ParseWebhookEventStatus(std::string_view name);

struct WebhookEvent {
    int64_t id = 0;
    std::string platform;
    int64_t connection_id = 0;
    std::string topic;      // the platform's topic, e.g. "orders/updated"
    std::string dedup_key;  // the platform's event/delivery id: unique per platform + connection
    std::string
        headers_json;  // the platform's identifying headers (never the signature), a JSON object
    std::string body;  // the raw body, byte for byte
    std::optional<TimePoint> triggered_at;  // when the platform says the event happened
    TimePoint received_at{};
    WebhookEventStatus status = WebhookEventStatus::kReceived;
    std::string error;  // why it failed or was ignored
    int64_t attempts = 0;
    std::optional<TimePoint> processed_at;
};

// Inside the caller's transaction: inserts the event; nullopt (writing nothing) when an event
// with the same platform + connection + dedup key exists. Returns the new id.
[[nodiscard]] Result<std::optional<int64_t>> InsertWebhookEvent(SqlSession& tx,
                                                                const WebhookEvent& event);

[[nodiscard]] Result<WebhookEvent> GetWebhookEvent(SqlExecutor& executor, int64_t id);

struct WebhookEventQuery {
    std::optional<int64_t> connection_id;
    std::optional<WebhookEventStatus> status;
    std::optional<int64_t> before_id;  // paging: events with a smaller id
    int limit = 50;                    // 1-200
};

// Newest first.
[[nodiscard]] Result<std::vector<WebhookEvent>> ListWebhookEvents(SqlExecutor& executor,
                                                                  const WebhookEventQuery& query);

// Records the outcome of processing (attempts + 1, processed_at = now for processed/ignored).
[[nodiscard]] Status MarkWebhookEvent(SqlExecutor& executor,
                                      int64_t id,
                                      WebhookEventStatus status,
                                      std::string_view error,
                                      TimePoint now);

}  // namespace scs
