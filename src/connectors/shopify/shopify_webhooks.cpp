#include "connectors/shopify/shopify_webhooks.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "connectors/kit/webhook_signature.hpp"
#include "connectors/shopify/order_mapping.hpp"
#include "core/headers.hpp"

namespace scs {
namespace {

struct RequiredHeader {
    std::string_view name;
    std::string ShopifyWebhookHeaders::*field;
};

constexpr std::array<RequiredHeader, 5> kRequired{{
    {"X-Shopify-Topic", &ShopifyWebhookHeaders::topic},
    {"X-Shopify-Hmac-Sha256", &ShopifyWebhookHeaders::hmac},
    {"X-Shopify-Shop-Domain", &ShopifyWebhookHeaders::shop_domain},
    {"X-Shopify-API-Version", &ShopifyWebhookHeaders::api_version},
    {"X-Shopify-Webhook-Id", &ShopifyWebhookHeaders::webhook_id},
}};

constexpr std::array<std::string_view, 3> kComplianceTopics = {
    "customers/data_request", "customers/redact", "shop/redact"};

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return lower;
}

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

Result<std::string> IdText(const boost::json::value& id) {
    if (id.is_int64()) {
        return std::to_string(id.as_int64());
    }
    if (id.is_uint64()) {
        return std::to_string(id.as_uint64());
    }
    if (id.is_string() && !id.as_string().empty()) {
        return std::string(id.as_string());
    }
    return Fail(ErrorCode::kInvalidPayload, "orders_to_redact: every id must be a whole number");
}

WebhookAction Action(WebhookAction::Kind kind) {
    WebhookAction action;
    action.kind = kind;
    return action;
}

}  // namespace

std::string ShopifyWebhookHeaders::DedupKey() const {
    return event_id.empty() ? webhook_id : event_id;
}

Result<ShopifyWebhookHeaders> ReadShopifyWebhookHeaders(
    const std::vector<std::pair<std::string, std::string>>& headers) {
    ShopifyWebhookHeaders read;
    for (const RequiredHeader& required : kRequired) {
        const auto value = FindHeader(headers, required.name);
        if (!value || value->empty()) {
            return FailField(std::string(required.name), "missing webhook header");
        }
        read.*required.field = std::string(*value);
    }
    if (const auto event_id = FindHeader(headers, "X-Shopify-Event-Id")) {
        read.event_id = std::string(*event_id);
    }
    if (const auto triggered = FindHeader(headers, "X-Shopify-Triggered-At")) {
        read.triggered_at = ParseRfc3339(*triggered);
    }
    return read;
}

bool VerifyShopifyWebhook(std::string_view raw_body,
                          std::string_view hmac_header,
                          std::string_view secret) {
    return kit::VerifyHmacSha256(
        raw_body, hmac_header, {std::string(secret)}, kit::SignatureEncoding::kBase64);
}

bool IsShopifyComplianceTopic(std::string_view topic) {
    return std::find(kComplianceTopics.begin(), kComplianceTopics.end(), topic) !=
           kComplianceTopics.end();
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

Result<std::vector<std::string>> OrdersToRedact(std::string_view body) {
    boost::system::error_code error;
    const auto parsed = boost::json::parse(body, error);
    const auto* object = error ? nullptr : parsed.if_object();
    const auto* ids = object == nullptr ? nullptr : object->if_contains("orders_to_redact");
    if (ids == nullptr || !ids->is_array()) {
        return Fail(ErrorCode::kInvalidPayload, "customers/redact: orders_to_redact is not a list");
    }
    std::vector<std::string> out;
    for (const auto& id : ids->as_array()) {
        auto text = IdText(id);
        if (!text) {
            return tl::unexpected(std::move(text.error()));
        }
        out.push_back(std::move(*text));
    }
    return out;
}

Result<WebhookDelivery> ShopifyWebhooks::Identify(const HeaderList& headers,
                                                  std::string_view /*raw_body*/) const {
    auto read = ReadShopifyWebhookHeaders(headers);
    if (!read) {
        return tl::unexpected(std::move(read.error()));
    }
    WebhookDelivery delivery;
    delivery.store_id = Lower(read->shop_domain);
    delivery.topic = read->topic;
    delivery.accept_unconnected = IsShopifyComplianceTopic(read->topic);
    delivery.dedup_key = read->DedupKey();
    delivery.headers_json = HeadersJson(*read);
    delivery.triggered_at = read->triggered_at;
    return delivery;
}

bool ShopifyWebhooks::Verify(const HeaderList& headers,
                             std::string_view raw_body,
                             const Credentials& credentials) const {
    const auto hmac = FindHeader(headers, "X-Shopify-Hmac-Sha256");
    return hmac && kit::VerifyHmacSha256(raw_body,
                                         *hmac,
                                         ShopifySigningSecrets(credentials, app_secrets_),
                                         kit::SignatureEncoding::kBase64);
}

Result<WebhookAction> ShopifyWebhooks::Interpret(const StoredDelivery& delivery,
                                                 const OrderMappingContext& mapping) const {
    const std::string_view topic = delivery.topic;
    if (topic.starts_with("orders/") && topic != "orders/delete") {
        auto order = MapShopifyRestOrder(delivery.body, mapping);
        if (!order) {
            return tl::unexpected(std::move(order.error()));
        }
        WebhookAction action = Action(WebhookAction::Kind::kOrder);
        action.order = std::move(*order);
        return action;
    }
    if (topic == "app/uninstalled") {
        return Action(WebhookAction::Kind::kUninstalled);
    }
    if (topic == "customers/data_request") {
        return Action(WebhookAction::Kind::kRecorded);
    }
    if (topic == "customers/redact") {
        auto ids = OrdersToRedact(delivery.body);
        if (!ids) {
            return tl::unexpected(std::move(ids.error()));
        }
        WebhookAction action = Action(WebhookAction::Kind::kRedactCustomer);
        action.order_ids = std::move(*ids);
        return action;
    }
    if (topic == "shop/redact") {
        return Action(WebhookAction::Kind::kForgetStore);
    }
    WebhookAction ignored = Action(WebhookAction::Kind::kIgnored);
    ignored.note = "topic " + std::string(topic) + " is not handled";
    return ignored;
}

}  // namespace scs
