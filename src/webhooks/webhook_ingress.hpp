#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/connection.hpp"
#include "core/time.hpp"
#include "http/router.hpp"
#include "observability/log.hpp"
#include "security/secret_box.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"
#include "webhooks/webhook_metrics.hpp"

namespace scs {

struct ShopifyWebhookHeaders;
struct WebhookEvent;

struct WebhookIngressDeps {
    ConnectionStore& connections;
    SqlExecutor& executor;  // the database holding webhook_events and the outbox
    const SecretBox& secrets;
    const TimeSource& clock;
    WebhookMetrics& metrics;
};

struct WebhookIngressOptions {
    // The Shopify app client secret, then the previous one while a rotation settles (Shopify may
    // sign with the old secret for up to an hour). Compliance topics are signed with these.
    std::vector<std::string> shopify_app_secrets;
    // Called after an event and its job committed, e.g. OutboxRelay::Notify. May be empty.
    std::function<void()> notify;
};

// The public webhook endpoint, POST /internal/v1/sales_channels/webhooks/{platform} (DESIGN §4):
// identify the connection, verify the signature over the raw body in constant time, drop
// duplicates, store the raw event with its "webhook.process" job in one transaction, answer 200.
// It never answers 200 for an event it did not keep: a database failure is 503, so the platform
// retries. A delivery for a store with no live connection gets 401, like a bad signature, so the
// answer does not tell a caller which stores are connected (and Shopify removes a shop-specific
// subscription that keeps failing). Compliance topics are the exception: Shopify sends shop/redact
// 48 h after an uninstall, so when their signature verifies with the app secret they are kept
// (with connection id 0 when no live connection exists) and answered 200.
// WooCommerce: the unsigned creation ping is answered 200 and not stored; deliveries are found
// by X-WC-Webhook-Source, verified with the connection's own webhook secret, and deduplicated
// by content (its delivery ids repeat within a second). Other platform tags get 404. Holds
// references to its dependencies, which outlive it; thread-safe.
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

    Outcome HandleShopify(const HttpRequest& request) const;
    // WooCommerce: the creation ping answered 200 and dropped; the connection found from
    // X-WC-Webhook-Source; the signature checked with the connection's `webhook_secret`.
    Outcome HandleWooCommerce(const HttpRequest& request) const;
    // The connection's `webhook_secret` credential; empty when it has none or it cannot be read.
    std::string WebhookSecretOf(const Connection& connection) const;
    // The secrets that may have signed a delivery for `connection` (none: app secrets only).
    std::vector<std::string> ShopifySecrets(const std::optional<Connection>& connection) const;
    Outcome Persist(const WebhookEvent& event) const;

    WebhookIngressDeps deps_;
    WebhookIngressOptions options_;
};

// Registers the ingress route. It is public: the signature is the authentication.
void AddWebhookRoutes(Router& router, const WebhookIngress& ingress);

}  // namespace scs
