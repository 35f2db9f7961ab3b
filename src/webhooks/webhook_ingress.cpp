#include "webhooks/webhook_ingress.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include <boost/json/object.hpp>

#include "connectors/shopify/shopify_webhooks.hpp"
#include "connectors/woocommerce/woocommerce_webhooks.hpp"
#include "observability/log.hpp"
#include "security/credential_seal.hpp"
#include "webhooks/shopify_delivery.hpp"
#include "webhooks/webhook_jobs.hpp"
#include "webhooks/woocommerce_delivery.hpp"

namespace scs {
namespace {

constexpr std::string_view kShopify = "shopify";
constexpr std::string_view kWooCommerce = "woocommerce";

std::string ToLower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return lower;
}

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
    Outcome outcome;
    std::string_view platform_label = kShopify;
    if (platform == kShopify) {
        outcome = HandleShopify(request);
    } else if (platform == kWooCommerce) {
        platform_label = kWooCommerce;
        outcome = HandleWooCommerce(request);
    } else {
        platform_label = "unknown";
        outcome = {WebhookIngestResult::kUnknownPlatform,
                   ErrorResponse(ErrorCode::kNotFound, "no webhook support for this platform")};
    }
    deps_.metrics.Record(platform_label,
                         outcome.result,
                         std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::steady_clock::now() - started));
    return std::move(outcome.response);
}

WebhookIngress::Outcome WebhookIngress::HandleShopify(const HttpRequest& request) const {
    auto headers = ReadShopifyWebhookHeaders(request.headers);
    if (!headers) {
        return {WebhookIngestResult::kBadRequest, ErrorResponse(headers.error())};
    }
    auto connection = deps_.connections.FindByStore(kShopify, ToLower(headers->shop_domain));
    if (!connection) {
        logger_.Error("connection lookup failed", {log::F("error", connection.error().message)});
        return {WebhookIngestResult::kUnavailable, Unavailable()};
    }
    const bool compliance = IsShopifyComplianceTopic(headers->topic);
    if (!*connection && !compliance) {
        return {WebhookIngestResult::kUnknownStore, SignatureError()};
    }
    if (!VerifyWithAnySecret(request.body, headers->hmac, ShopifySecrets(*connection))) {
        logger_.Warn("webhook signature did not verify",
                     {log::F("platform", kShopify), log::F("topic", headers->topic)});
        return {WebhookIngestResult::kBadSignature, SignatureError()};
    }
    const int64_t connection_id = *connection ? (*connection)->id : 0;
    return Persist(ShopifyWebhookEvent(*headers, request.body, connection_id, deps_.clock.Now()));
}

WebhookIngress::Outcome WebhookIngress::HandleWooCommerce(const HttpRequest& request) const {
    // WooCommerce pings a new webhook's address once, unsigned; anything but 200 makes the
    // merchant's admin screen show an error. It carries nothing to keep.
    if (IsWooCommercePing(request.headers, request.body)) {
        return {WebhookIngestResult::kPing, Ok(false)};
    }
    auto headers = ReadWooCommerceWebhookHeaders(request.headers);
    if (!headers) {
        return {WebhookIngestResult::kBadRequest, ErrorResponse(headers.error())};
    }
    auto connection =
        deps_.connections.FindByStore(kWooCommerce, WooCommerceSourceStoreId(headers->source));
    if (!connection) {
        logger_.Error("connection lookup failed", {log::F("error", connection.error().message)});
        return {WebhookIngestResult::kUnavailable, Unavailable()};
    }
    if (!*connection) {
        return {WebhookIngestResult::kUnknownStore, SignatureError()};
    }
    const std::string secret = WebhookSecretOf(**connection);
    if (secret.empty() || !VerifyWooCommerceWebhook(request.body, headers->signature, secret)) {
        logger_.Warn("webhook signature did not verify",
                     {log::F("platform", kWooCommerce),
                      log::F("connection_id", (*connection)->id),
                      log::F("topic", headers->topic)});
        return {WebhookIngestResult::kBadSignature, SignatureError()};
    }
    return Persist(
        WooCommerceWebhookEvent(*headers, request.body, (*connection)->id, deps_.clock.Now()));
}

std::string WebhookIngress::WebhookSecretOf(const Connection& connection) const {
    if (connection.credentials.Empty()) {
        return {};
    }
    auto opened = OpenCredentials(deps_.secrets, connection);
    if (!opened) {
        logger_.Error(
            "connection credentials do not open",
            {log::F("connection_id", connection.id), log::F("error", opened.error().message)});
        return {};
    }
    const auto secret = opened->find("webhook_secret");
    return secret == opened->end() ? std::string() : secret->second;
}

std::vector<std::string> WebhookIngress::ShopifySecrets(
    const std::optional<Connection>& connection) const {
    Credentials credentials;
    if (connection && !connection->credentials.Empty()) {
        auto opened = OpenCredentials(deps_.secrets, *connection);
        if (opened) {
            credentials = std::move(*opened);
        } else {
            // The app secrets may still verify it; the broken row needs an operator.
            logger_.Error(
                "connection credentials do not open",
                {log::F("connection_id", connection->id), log::F("error", opened.error().message)});
        }
    }
    return ShopifySigningSecrets(credentials, options_.shopify_app_secrets);
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
