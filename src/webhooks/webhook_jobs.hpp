#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"
#include "jobs/outbox/outbox.hpp"
#include "storage/sql.hpp"
#include "storage/webhook_event_store.hpp"

// The "process webhook" job and the transactions that create it: an event is never kept without
// its job, nor a job sent without its event (both go through one write transaction and the
// outbox). Stateless functions; thread-safe.
namespace scs {

inline constexpr std::string_view kWebhookProcessJobType = "webhook.process";

// The outbox message that asks a worker to process event `event_id`: queue webhooks, job
// {"type":"webhook.process","payload":{"event_id":N}}, group = the connection id, dedup id
// "webhook-<event id>" plus `dedup_suffix` (a replay must not look like the first job).
OutboxMessage WebhookJobMessage(int64_t event_id,
                                int64_t connection_id,
                                std::string_view dedup_suffix = {});

// The event id in a webhook.process payload; kInvalidPayload when it is missing or not positive.
[[nodiscard]] Result<int64_t> ParseWebhookJobPayload(std::string_view payload_json);

// In one write transaction: inserts the event and, when it is new, its job. Returns the new
// event id, or nullopt (writing nothing) for a duplicate. The database's errors otherwise
// (nothing kept).
[[nodiscard]] Result<std::optional<int64_t>> StoreWebhookEvent(SqlExecutor& executor,
                                                               const WebhookEvent& event,
                                                               TimePoint now);

// For the ops API's replay route: sets the event back to received (so a processed or failed
// event runs again) and enqueues a fresh job for it. kNotFound when there is no such event.
// The caller notifies the outbox relay afterwards.
[[nodiscard]] Status ReplayWebhookEvent(SqlExecutor& executor, int64_t event_id, TimePoint now);

}  // namespace scs
