#include "webhooks/webhook_ingress.hpp"

#include <chrono>

#include <boost/json/object.hpp>

#include "observability/log.hpp"
#include "security/credential_seal.hpp"
#include "webhooks/webhook_jobs.hpp"

namespace scs {
namespace {

HttpResponse Ok(bool duplicate) {
    return JsonResponse(200, boost::json::object{{"status", "ok"}, {"duplicate", duplicate}});
}

HttpResponse SignatureError() {
    return ErrorResponse(ErrorCode::kWebhookSignature, "the webhook signature did not verify");
}

HttpResponse Unavailable() {
    return ErrorResponse(ErrorCode::kUnavailable, "the webhook could not be stored; retry later");
}

}  // namespace

HttpResponse WebhookIngress::Handle(HttpRequest& request) const {
    const auto started = std::chrono::steady_clock::now();
    const std::string& platform = request.path_params["platform"];
    const PlatformWebhooks* webhooks = deps_.registry.Webhooks(platform);
    Outcome outcome;
    if (webhooks == nullptr) {
        outcome = {WebhookIngestResult::kUnknownPlatform,
                   ErrorResponse(ErrorCode::kNotFound, "no webhook support for this platform")};
    } else {
        outcome = Receive(platform, *webhooks, request);
    }
    // Only known platforms name a metrics series: the path is the caller's to choose.
    deps_.metrics.Record(webhooks == nullptr ? std::string_view("unknown") : platform,
                         outcome.result,
                         std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::steady_clock::now() - started));
    return std::move(outcome.response);
}

WebhookIngress::Outcome WebhookIngress::Receive(const std::string& platform,
                                                const PlatformWebhooks& webhooks,
                                                const HttpRequest& request) const {
    auto delivery = webhooks.Identify(request.headers, request.body);
    if (!delivery) {
        return {WebhookIngestResult::kBadRequest, ErrorResponse(delivery.error())};
    }
    if (delivery->ping) {
        return {WebhookIngestResult::kPing, Ok(false)};
    }
    auto connection = deps_.connections.FindByStore(platform, delivery->store_id);
    if (!connection) {
        logger_.Error("connection lookup failed", {log::F("error", connection.error().message)});
        return {WebhookIngestResult::kUnavailable, Unavailable()};
    }
    if (!*connection && !delivery->accept_unconnected) {
        return {WebhookIngestResult::kUnknownStore, SignatureError()};
    }
    const int64_t connection_id = *connection ? (*connection)->id : 0;
    if (!webhooks.Verify(request.headers, request.body, CredentialsOf(*connection))) {
        logger_.Warn("webhook signature did not verify",
                     {log::F("platform", platform),
                      log::F("connection_id", connection_id),
                      log::F("topic", delivery->topic)});
        return {WebhookIngestResult::kBadSignature, SignatureError()};
    }
    WebhookEvent event;
    event.platform = platform;
    event.connection_id = connection_id;
    event.topic = std::move(delivery->topic);
    event.dedup_key = std::move(delivery->dedup_key);
    event.headers_json = std::move(delivery->headers_json);
    event.body = request.body;
    event.triggered_at = delivery->triggered_at;
    event.received_at = deps_.clock.Now();
    return Persist(event);
}

Credentials WebhookIngress::CredentialsOf(const std::optional<Connection>& connection) const {
    if (!connection || connection->credentials.Empty()) {
        return {};
    }
    auto opened = OpenCredentials(deps_.secrets, *connection);
    if (!opened) {
        // The app's secrets may still verify it; the broken row needs an operator.
        logger_.Error(
            "connection credentials do not open",
            {log::F("connection_id", connection->id), log::F("error", opened.error().message)});
        return {};
    }
    return std::move(*opened);
}

WebhookIngress::Outcome WebhookIngress::Persist(const WebhookEvent& event) const {
    auto stored = StoreWebhookEvent(deps_.executor, event, deps_.clock.Now());
    if (!stored) {
        logger_.Error("webhook event not stored",
                      {log::F("connection_id", event.connection_id),
                       log::F("error", stored.error().message)});
        return {WebhookIngestResult::kUnavailable, Unavailable()};
    }
    if (!*stored) {
        return {WebhookIngestResult::kDuplicate, Ok(true)};
    }
    if (options_.notify) {
        options_.notify();
    }
    return {WebhookIngestResult::kAccepted, Ok(false)};
}

void AddWebhookRoutes(Router& router, const WebhookIngress& ingress) {
    router.Add("POST",
               "/internal/v1/sales_channels/webhooks/{platform}",
               [&ingress](HttpRequest& request) { return ingress.Handle(request); });
}

}  // namespace scs
