#pragma once

#include <cstdint>
#include <functional>

#include "connectors/connector_registry.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "observability/log.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"
#include "storage/webhook_event_store.hpp"

namespace scs {

struct WebhookProcessorDeps {
    const ConnectorRegistry& registry;  // each platform's webhook rules, by tag
    SqlExecutor& executor;  // the database holding webhook_events, orders and the outbox
    ConnectionStore& connections;
    const TimeSource& clock;
    std::function<void()> notify;  // after an order outbox row committed (OutboxRelay::Notify)
};

// Processes stored webhook events (the worker side of DESIGN §4 "Webhooks"): loads the event,
// asks its platform's rules what it means (PlatformWebhooks::Interpret), carries that out
// (ApplyWebhookAction) and records the outcome on the event (processed,
// ignored with a reason, or failed with the error). Only events still `received` run, so a
// redelivered job for a finished event does nothing; ReplayWebhookEvent resets one to run again.
// A payload that cannot be understood marks the event failed and succeeds (the event holds the
// error; retrying cannot help); database errors leave it received and are returned, so the job
// retries. An event without a connection (a compliance topic for a shop with no live
// connection) is ignored, and so is an event of a platform with no webhook rules (unknown to
// the catalogue or without a module). An event of a platform switched off by its feature flag is
// kept for when it is switched on again: kUnavailable, so the job retries and then waits in the
// dead letters to be replayed. Holds references to its dependencies, which outlive it; thread-safe.
class WebhookProcessor {
public:
    explicit WebhookProcessor(WebhookProcessorDeps deps) : deps_(std::move(deps)) {}

    [[nodiscard]] Status Process(int64_t event_id) const;

    // For the ops API's replay route: ReplayWebhookEvent, then notify. kNotFound for no event.
    [[nodiscard]] Status Replay(int64_t event_id) const;

private:
    [[nodiscard]] Status Record(const WebhookEvent& event,
                                WebhookEventStatus status,
                                std::string_view note) const;

    WebhookProcessorDeps deps_;
    const log::Logger logger_{"webhooks.processor"};
};

// The JobHandler for kWebhookProcessJobType: reads the event id from the payload and runs
// `processor`, which must outlive the handler.
JobHandler MakeWebhookJobHandler(const WebhookProcessor& processor);

}  // namespace scs
