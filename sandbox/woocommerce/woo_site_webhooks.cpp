// WooSite: webhooks over REST, firing and the delivery queue's side of a delivery.
#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "sandbox/woocommerce/woo_site.hpp"
#include "sandbox/woocommerce/wp_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

WpError WebhookError(int status, const std::string& what, std::string message) {
    return WpError{status, "woocommerce_rest_shop_webhook_" + what, std::move(message), {}, {}};
}

std::string Resource(const std::string& topic) {
    return topic.substr(0, topic.find('.'));
}

std::string Event(const std::string& topic) {
    const size_t dot = topic.find('.');
    return dot == std::string::npos ? "" : topic.substr(dot + 1);
}

// "Webhook created on Nov 24, 2026 @ 02:05 PM", in the site's zone.
std::string DefaultName(TimePoint now, int offset_minutes) {
    const auto local =
        std::chrono::floor<std::chrono::seconds>(now) + std::chrono::minutes(offset_minutes);
    const std::time_t seconds = Clock::to_time_t(Clock::time_point(local));
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    std::array<char, 64> text{};
    const size_t length = std::strftime(text.data(), text.size(), "%b %d, %Y @ %I:%M %p", &parts);
    return "Webhook created on " + std::string(text.data(), length);
}

std::string TextOf(const json::object& body, std::string_view key) {
    const auto* value = body.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

}  // namespace

json::object WooSite::RenderWebhook(const Webhook& webhook) const {
    const int offset = spec_.utc_offset_minutes;
    const std::string collection = store_url_ + "/wp-json/wc/v3/webhooks";
    json::array hooks;
    for (auto& hook : TopicHooks(webhook.topic)) {
        hooks.emplace_back(std::move(hook));
    }
    const auto modified = [&](int zone) {
        return webhook.modified ? json::value(WpDate(*webhook.modified, zone)) : nullptr;
    };
    return {{"id", webhook.id},
            {"name", webhook.name},
            {"status", webhook.health.status},
            {"topic", webhook.topic},
            {"resource", Resource(webhook.topic)},
            {"event", Event(webhook.topic)},
            {"hooks", std::move(hooks)},
            {"delivery_url", webhook.delivery_url},
            {"secret", webhook.secret},
            {"date_created", WpDate(webhook.created, offset)},
            {"date_created_gmt", WpDate(webhook.created, 0)},
            {"date_modified", modified(offset)},
            {"date_modified_gmt", modified(0)},
            {"_links",
             {{"self", json::array{{{"href", collection + "/" + std::to_string(webhook.id)}}}},
              {"collection", json::array{{{"href", collection}}}}}}};
}

ListPage WooSite::ListWebhooks(const CollectionParams& paging, const std::string& status) const {
    const std::lock_guard lock(mutex_);
    std::vector<const Webhook*> matched;
    for (const auto& [id, webhook] : webhooks_) {
        const bool status_ok = status == "all" || webhook.health.status == status;
        const bool include_ok =
            paging.include.empty() ||
            std::find(paging.include.begin(), paging.include.end(), id) != paging.include.end();
        const bool exclude_ok =
            std::find(paging.exclude.begin(), paging.exclude.end(), id) == paging.exclude.end();
        const bool search_ok = webhook.name.find(paging.search) != std::string::npos;
        if (status_ok && include_ok && exclude_ok && search_ok) {
            matched.push_back(&webhook);
        }
    }
    const bool ascending = paging.order == "asc";
    std::stable_sort(matched.begin(), matched.end(), [&](const Webhook* a, const Webhook* b) {
        const auto key = [&](const Webhook* w) {
            return paging.orderby == "title" ? std::make_pair(w->name, w->id)
                                             : std::make_pair(std::string(), w->id);
        };
        return ascending ? key(a) < key(b) : key(b) < key(a);
    });
    ListPage page;
    page.window = ComputePageWindow(static_cast<int64_t>(matched.size()), paging);
    for (size_t i = page.window.begin; i < page.window.end; ++i) {
        page.items.push_back(RenderWebhook(*matched[i]));
    }
    return page;
}

WpResult<json::object> WooSite::GetWebhook(int64_t id) const {
    const std::lock_guard lock(mutex_);
    const auto found = webhooks_.find(id);
    if (found == webhooks_.end()) {
        return tl::unexpected(WebhookError(400, "invalid_id", "ID is invalid."));
    }
    return RenderWebhook(found->second);
}

WpResult<CreatedWebhook> WooSite::CreateWebhook(const json::object& body, TimePoint now) {
    if (const auto* id = body.if_contains("id");
        id != nullptr && !id->is_null() && !(id->is_int64() && id->get_int64() == 0)) {
        return tl::unexpected(WebhookError(400, "exists", "Cannot create existing shop_webhook."));
    }
    Webhook webhook;
    webhook.topic = TextOf(body, "topic");
    webhook.delivery_url = TextOf(body, "delivery_url");
    if (!IsValidWebhookTopic(webhook.topic)) {
        return tl::unexpected(
            WebhookError(400, "invalid_topic", "Webhook topic is required and must be valid."));
    }
    if (!IsValidDeliveryUrl(webhook.delivery_url)) {
        return tl::unexpected(WebhookError(
            400,
            "invalid_delivery_url",
            "Webhook delivery URL must be a valid URL starting with http:// or https://."));
    }
    const std::string status = TextOf(body, "status");
    webhook.health.status = status.empty() || status == "active" ? "active" : "disabled";
    webhook.secret = TextOf(body, "secret");
    webhook.secret = webhook.secret.empty() ? GenerateWebhookSecret() : webhook.secret;
    webhook.name = TextOf(body, "name");
    webhook.name = webhook.name.empty() ? DefaultName(now, spec_.utc_offset_minutes) : webhook.name;
    webhook.created = now;
    const std::lock_guard lock(mutex_);
    webhook.id = next_webhook_id_++;
    const int64_t id = webhook.id;
    webhooks_[id] = std::move(webhook);
    return CreatedWebhook{RenderWebhook(webhooks_[id]), id, webhooks_[id].delivery_url};
}

WpResult<json::object> WooSite::UpdateWebhook(int64_t id, const json::object& body, TimePoint now) {
    const std::lock_guard lock(mutex_);
    const auto found = webhooks_.find(id);
    if (found == webhooks_.end()) {
        return tl::unexpected(WebhookError(400, "invalid_id", "ID is invalid."));
    }
    Webhook webhook = found->second;
    const std::string topic = TextOf(body, "topic");
    if (!topic.empty() && !IsValidWebhookTopic(topic)) {
        return tl::unexpected(WebhookError(400, "invalid_topic", "Webhook topic must be valid."));
    }
    const std::string url = TextOf(body, "delivery_url");
    if (!url.empty() && !IsValidDeliveryUrl(url)) {
        return tl::unexpected(WebhookError(
            400,
            "invalid_delivery_url",
            "Webhook delivery URL must be a valid URL starting with http:// or https://."));
    }
    webhook.topic = topic.empty() ? webhook.topic : topic;
    webhook.delivery_url = url.empty() ? webhook.delivery_url : url;
    for (const auto& [key, target] :
         {std::pair{"secret", &webhook.secret}, std::pair{"name", &webhook.name}}) {
        const std::string value = TextOf(body, key);
        *target = value.empty() ? *target : value;
    }
    const std::string status = TextOf(body, "status");
    if (!status.empty()) {
        // Re-enabling a webhook clears its failures, so it gets a fresh run of attempts.
        if (status == "active" && webhook.health.status != "active") {
            webhook.health.failure_count = 0;
        }
        webhook.health.status = status;
    }
    webhook.modified = now;
    found->second = std::move(webhook);
    return RenderWebhook(found->second);
}

WpResult<json::object> WooSite::DeleteWebhook(int64_t id, bool force) {
    if (!force) {
        return WpFail(
            501, "woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.");
    }
    const std::lock_guard lock(mutex_);
    const auto found = webhooks_.find(id);
    if (found == webhooks_.end()) {
        return tl::unexpected(WebhookError(404, "invalid_id", "Invalid ID."));
    }
    json::object rendered = RenderWebhook(found->second);
    webhooks_.erase(found);
    return rendered;
}

void WooSite::RecordPing(int64_t webhook_id, int status_code, TimePoint now) {
    const std::lock_guard lock(mutex_);
    ping_log_.push_back({{"webhook_id", webhook_id},
                         {"status_code", status_code},
                         {"ok", status_code == 200},
                         {"at", FormatRfc3339(now)}});
    ++counters_["pings"];
}

void WooSite::Fire(const std::string& topic, int64_t resource_id, TimePoint now) {
    const auto due =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(knobs_.webhook_delay_ms);
    for (const auto& [id, webhook] : webhooks_) {
        if (webhook.topic != topic || webhook.health.status != "active") {
            continue;
        }
        if (knobs_.drop_rate > 0 && NextUnitDraw() < knobs_.drop_rate) {
            delivery_log_.push_back({{"webhook_id", id},
                                     {"topic", topic},
                                     {"resource_id", resource_id},
                                     {"delivery_id", ""},
                                     {"status_code", 0},
                                     {"ok", false},
                                     {"outcome", "dropped"},
                                     {"disabled_webhook", false},
                                     {"at", FormatRfc3339(now)}});
            continue;
        }
        deliveries_.Enqueue(DeliveryJob{weak_from_this(), id, resource_id, topic, false, due});
        if (knobs_.duplicate_webhooks) {
            deliveries_.Enqueue(DeliveryJob{weak_from_this(), id, resource_id, topic, true, due});
        }
    }
}

json::value WooSite::DeliveryPayload(const DeliveryJob& job) const {
    if (Event(job.topic) == "deleted") {
        return json::object{{"id", job.resource_id}};
    }
    if (Resource(job.topic) == "order") {
        const WooOrder* order = FindOrder(job.resource_id);
        return order != nullptr
                   ? json::value(RenderOrder(*order, View()))
                   : json::value(WpErrorBody(WpError{
                         404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.", {}, {}}));
    }
    const WooProduct* product = FindProduct(job.resource_id, 0);
    return product != nullptr
               ? json::value(RenderProductOf(*product))
               : json::value(WpErrorBody(
                     WpError{404, "woocommerce_rest_product_invalid_id", "Invalid ID.", {}, {}}));
}

std::optional<OutgoingDelivery> WooSite::PrepareDelivery(const DeliveryJob& job, TimePoint now) {
    const std::lock_guard lock(mutex_);
    const auto found = webhooks_.find(job.webhook_id);
    if (found == webhooks_.end() || found->second.health.status != "active") {
        return std::nullopt;
    }
    const Webhook& webhook = found->second;
    const int64_t second =
        knobs_.same_second_delivery_ids ? created_second_ : ToUnixMillis(now) / 1000;
    OutgoingDelivery delivery;
    delivery.webhook_id = webhook.id;
    delivery.resource_id = job.resource_id;
    delivery.topic = job.topic;
    delivery.url = webhook.delivery_url;
    delivery.delivery_id = DeliveryId(salt_, webhook.id, second);
    delivery.body = PhpJsonEncode(DeliveryPayload(job));
    delivery.headers = {
        {"User-Agent", kHookshotUserAgent},
        {"X-WC-Webhook-Source", store_url_ + "/"},
        {"X-WC-Webhook-Topic", job.topic},
        {"X-WC-Webhook-Resource", Resource(job.topic)},
        {"X-WC-Webhook-Event", Event(job.topic)},
        {"X-WC-Webhook-Signature", Base64Encode(HmacSha256(webhook.secret, delivery.body))},
        {"X-WC-Webhook-ID", std::to_string(webhook.id)},
        {"X-WC-Webhook-Delivery-ID", delivery.delivery_id}};
    return delivery;
}

void WooSite::RecordDelivery(const OutgoingDelivery& delivery, int status_code, TimePoint now) {
    const std::lock_guard lock(mutex_);
    bool disabled_now = false;
    if (auto found = webhooks_.find(delivery.webhook_id); found != webhooks_.end()) {
        disabled_now = ApplyDeliveryResult(found->second.health, status_code);
    }
    const bool ok = IsDeliverySuccess(status_code);
    delivery_log_.push_back({{"webhook_id", delivery.webhook_id},
                             {"topic", delivery.topic},
                             {"resource_id", delivery.resource_id},
                             {"delivery_id", delivery.delivery_id},
                             {"status_code", status_code},
                             {"ok", ok},
                             {"outcome", ok ? "delivered" : "failed"},
                             {"disabled_webhook", disabled_now},
                             {"at", FormatRfc3339(now)}});
    ++counters_["deliveries"];
}

}  // namespace scs::sandbox::woocommerce
