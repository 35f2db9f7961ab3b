#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "connectors/connector_registry.hpp"
#include "core/connection.hpp"
#include "core/time.hpp"
#include "http/router.hpp"
#include "observability/log.hpp"
#include "security/secret_box.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"
#include "webhooks/webhook_metrics.hpp"

namespace scs {

struct WebhookEvent;

struct WebhookIngressDeps {
    const ConnectorRegistry& registry;  // each platform's webhook rules, by tag
    ConnectionStore& connections;
    SqlExecutor& executor;  // the database holding webhook_events and the outbox
    const SecretBox& secrets;
    const TimeSource& clock;
    WebhookMetrics& metrics;
};

struct WebhookIngressOptions {
    // Called after an event and its job committed, e.g. OutboxRelay::Notify. May be empty.
    std::function<void()> notify;
};

// The public webhook endpoint, POST /internal/v1/sales_channels/webhooks/{platform} (DESIGN §4):
// the platform's rules (PlatformWebhooks, from the registry) read the delivery and name its
// store; the connection is found, the signature verified over the raw body in constant time,
// duplicates dropped, and the raw event stored with its "webhook.process" job in one
// transaction; then 200. It never answers 200 for an event it did not keep: a database failure
// is 503, so the platform retries. A delivery for a store with no live connection gets 401, like
// a bad signature, so the answer does not tell a caller which stores are connected (and a
// platform removes a subscription that keeps failing); the exception is a delivery the platform
// marks as kept without a connection (Shopify's privacy-law topics, which arrive after an
// uninstall), stored with connection id 0 once the app's secrets verify it. A platform's test
// ping is answered 200 and not stored. A platform with no webhook rules, unknown or switched
// off, gets 404. Holds references to its dependencies, which outlive it; thread-safe.
class WebhookIngress {
public:
    WebhookIngress(WebhookIngressDeps deps, WebhookIngressOptions options)
        : deps_(deps), options_(std::move(options)) {}

    HttpResponse Handle(HttpRequest& request) const;

private:
    const log::Logger logger_{"webhooks.ingress"};

    struct Outcome {
        WebhookIngestResult result = WebhookIngestResult::kAccepted;
        HttpResponse response;
    };

    Outcome Receive(const std::string& platform,
                    const PlatformWebhooks& webhooks,
                    const HttpRequest& request) const;
    // The connection's credentials; empty when it has none or they cannot be opened (logged).
    Credentials CredentialsOf(const std::optional<Connection>& connection) const;
    Outcome Persist(const WebhookEvent& event) const;

    WebhookIngressDeps deps_;
    WebhookIngressOptions options_;
};

// Registers the ingress route. It is public: the signature is the authentication.
void AddWebhookRoutes(Router& router, const WebhookIngress& ingress);

}  // namespace scs
