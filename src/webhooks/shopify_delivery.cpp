#include "webhooks/shopify_delivery.hpp"

#include <array>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace scs {
namespace {

constexpr std::array<std::string_view, 3> kComplianceTopics = {
    "customers/data_request", "customers/redact", "shop/redact"};

std::string HeadersJson(const ShopifyWebhookHeaders& headers) {
    boost::json::object object{{"topic", headers.topic},
                               {"shop_domain", headers.shop_domain},
                               {"api_version", headers.api_version},
                               {"webhook_id", headers.webhook_id}};
    if (!headers.event_id.empty()) {
        object["event_id"] = headers.event_id;
    }
    if (headers.triggered_at) {
        object["triggered_at"] = FormatRfc3339(*headers.triggered_at);
    }
    return boost::json::serialize(object);
}

}  // namespace

bool IsShopifyComplianceTopic(std::string_view topic) {
    for (const auto compliance : kComplianceTopics) {
        if (topic == compliance) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> ShopifySigningSecrets(const Credentials& credentials,
                                               const std::vector<std::string>& app_secrets) {
    std::vector<std::string> secrets;
    if (const auto own = credentials.find("webhook_secret");
        own != credentials.end() && !own->second.empty()) {
        secrets.push_back(own->second);
    }
    for (const auto& secret : app_secrets) {
        if (!secret.empty()) {
            secrets.push_back(secret);
        }
    }
    return secrets;
}

bool VerifyWithAnySecret(std::string_view body,
                         std::string_view hmac_header,
                         const std::vector<std::string>& secrets) {
    bool verified = false;
    // Every secret is tried even after a match, so the time taken does not say which one signed.
    for (const auto& secret : secrets) {
        verified = VerifyShopifyWebhook(body, hmac_header, secret) || verified;
    }
    return verified;
}

WebhookEvent ShopifyWebhookEvent(const ShopifyWebhookHeaders& headers,
                                 std::string body,
                                 int64_t connection_id,
                                 TimePoint received_at) {
    WebhookEvent event;
    event.platform = "shopify";
    event.connection_id = connection_id;
    event.topic = headers.topic;
    event.dedup_key = headers.DedupKey();
    event.headers_json = HeadersJson(headers);
    event.body = std::move(body);
    event.triggered_at = headers.triggered_at;
    event.received_at = received_at;
    return event;
}

}  // namespace scs
