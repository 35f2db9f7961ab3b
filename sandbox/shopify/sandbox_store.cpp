#include "sandbox/shopify/sandbox_store.hpp"

#include <algorithm>
#include <cctype>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "sandbox/generator/order_generator.hpp"
#include "sandbox/kit/order_request.hpp"
#include "sandbox/shopify/rest_format.hpp"
#include "sandbox/shopify/shopify_render.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

// A random RFC 4122 version-4 UUID, the form of Shopify's webhook and event ids.
std::string RandomUuid() {
    std::string bytes = RandomBytes(16);
    bytes[6] = static_cast<char>((static_cast<unsigned char>(bytes[6]) & 0x0FU) | 0x40U);
    bytes[8] = static_cast<char>((static_cast<unsigned char>(bytes[8]) & 0x3FU) | 0x80U);
    const std::string hex = HexEncode(bytes);
    return fmt::format("{}-{}-{}-{}-{}",
                       hex.substr(0, 8),
                       hex.substr(8, 4),
                       hex.substr(12, 4),
                       hex.substr(16, 4),
                       hex.substr(20));
}

// "orders/create" -> "ORDERS_CREATE": only the first '/' becomes '_'.
std::string TopicEnum(std::string_view topic) {
    std::string text(topic);
    for (auto& c : text) {
        c = c == '/' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

std::string OrderIdOf(const json::object& order) {
    const auto& id = order.at("id");
    return id.is_uint64() ? std::to_string(id.get_uint64()) : std::to_string(id.as_int64());
}

}  // namespace

SandboxStore::SandboxStore(std::string id, StoreSpec spec, WebhookSender& sender, TimePoint now)
    : id_(std::move(id)),
      spec_(std::move(spec)),
      sender_(sender),
      catalogue_(spec_, now),
      bucket_(spec_.bucket_size, spec_.restore_rate, std::chrono::steady_clock::now()),
      tokens_(spec_.access_token),
      draw_state_(spec_.generator.seed) {
    for (; generated_ < spec_.orders; ++generated_) {
        auto stored = book_.Upsert(
            RenderShopifyOrder(GenerateOrder(spec_.generator, generated_, std::nullopt)), now);
        // Generated orders always carry valid ids and times, so Upsert does not refuse them.
        if (stored) {
            OpenFulfillmentOrderFor(stored->order);
        }
    }
}

const std::string& SandboxStore::SigningSecret() const {
    return spec_.client_secret.empty() ? spec_.webhook_secret : spec_.client_secret;
}

bool SandboxStore::IsKnownOrder(const json::object& order) const {
    const auto* id = order.if_contains("id");
    if (id == nullptr || !(id->is_int64() || id->is_uint64())) {
        return false;
    }
    return book_.Find(OrderIdOf(order)).has_value();
}

Result<json::array> SandboxStore::AddOrders(const json::object& body, TimePoint now) {
    std::vector<json::object> incoming;
    const std::lock_guard lock(mutex_);
    auto request = ParseOrderRequest(body, "Shopify's REST order shape");
    if (!request) {
        return tl::unexpected(request.error());
    }
    if (request->order && IsKnownOrder(*request->order)) {
        incoming.push_back(std::move(*request->order));  // an edit: the book merges it
    } else if (request->order) {
        // A new order: the given fields over a generated one. Shopify's payloads are always
        // whole, so a webhook for this order carries every field a connector reads.
        json::object whole = RenderShopifyOrder(GenerateOrder(spec_.generator, generated_++, now));
        for (const auto& [key, value] : *request->order) {
            whole[key] = value;
        }
        incoming.push_back(std::move(whole));
    }
    for (int64_t i = 0; !request->order && i < request->count; ++i) {
        incoming.push_back(RenderShopifyOrder(GenerateOrder(spec_.generator, generated_++, now)));
    }
    json::array stored;
    for (auto& order : incoming) {
        auto change = book_.Upsert(std::move(order), now);
        if (!change) {
            return tl::unexpected(change.error());
        }
        if (change->created) {
            OpenFulfillmentOrderFor(change->order);
        }
        FireOrderEvents(*change, now);
        stored.push_back(change->order);
    }
    return stored;
}

Result<OrderPageResult> SandboxStore::PageOrders(const OrderPageRequest& request) const {
    const std::lock_guard lock(mutex_);
    return book_.Page(request);
}

std::optional<json::object> SandboxStore::FindOrder(const std::string& id) const {
    const std::lock_guard lock(mutex_);
    return book_.Find(id);
}

void SandboxStore::FireOrderEvents(const OrderChange& change, TimePoint now) {
    std::vector<std::string> topics{change.created ? "orders/create" : "orders/updated"};
    if (change.cancelled_now) {
        topics.emplace_back("orders/cancelled");
    }
    FireTopics(change.order, topics, now);
}

void SandboxStore::OpenFulfillmentOrderFor(const json::object& order) {
    const std::string order_id = OrderIdOf(order);
    const int64_t id = next_fulfillment_order_id_++;
    const int64_t location = catalogue_.Locations().front().id;
    auto opened = OpenFulfillmentOrder(order, id, next_fulfillment_order_line_id_, location);
    next_fulfillment_order_line_id_ += static_cast<int64_t>(opened.lines.size());
    fulfillment_orders_[order_id].push_back(std::move(opened));
    order_of_fulfillment_order_[id] = order_id;
}

void SandboxStore::FireTopics(const json::object& order,
                              const std::vector<std::string>& topics,
                              TimePoint now) {
    const std::string body = json::serialize(order);
    for (const auto& topic : topics) {
        std::vector<WebhookDelivery> event;
        const std::string event_id = RandomUuid();
        for (const auto& subscription : subscriptions_) {
            if (subscription.topic == topic) {
                event.push_back(WebhookDelivery{subscription.uri,
                                                topic,
                                                spec_.shop,
                                                subscription.api_version,
                                                SigningSecret(),
                                                body,
                                                RandomUuid(),
                                                event_id,
                                                FormatRfc3339(now),
                                                OrderIdOf(order),
                                                false});
            }
        }
        QueueEvent(std::move(event));
    }
}

void SandboxStore::QueueEvent(std::vector<WebhookDelivery> deliveries) {
    std::vector<WebhookDelivery> sending;
    for (auto& delivery : deliveries) {
        if (knobs_.drop_rate > 0 && NextUnitDraw() < knobs_.drop_rate) {
            log_->Record(delivery, "dropped", 0, 0);
            continue;
        }
        sending.push_back(delivery);
        if (knobs_.duplicate_webhooks) {
            delivery.duplicate = true;
            sending.push_back(std::move(delivery));
        }
    }
    if (sending.empty()) {
        return;
    }
    // Out of order: each event waits for the next one, which then goes first.
    if (knobs_.out_of_order_webhooks && held_.empty()) {
        held_ = std::move(sending);
        return;
    }
    for (auto* batch : {&sending, &held_}) {
        for (auto& delivery : *batch) {
            sender_.Enqueue(std::move(delivery), log_);
        }
    }
    held_.clear();
}

double SandboxStore::NextUnitDraw() {
    uint64_t z = (draw_state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return static_cast<double>((z ^ (z >> 31U)) >> 11U) / static_cast<double>(1ULL << 53U);
}

Status SandboxStore::PatchKnobs(const json::object& body) {
    const std::lock_guard lock(mutex_);
    if (auto applied = ApplyKnobs(body, knobs_); !applied) {
        return applied;
    }
    if (!knobs_.out_of_order_webhooks && !held_.empty()) {
        for (auto& delivery : held_) {
            sender_.Enqueue(std::move(delivery), log_);
        }
        held_.clear();
    }
    return {};
}

StoreKnobs SandboxStore::Knobs() const {
    const std::lock_guard lock(mutex_);
    return knobs_;
}

ChargeOutcome SandboxStore::Charge(int64_t requested_cost) {
    const std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    const bool charged = bucket_.TryCharge(requested_cost, now);
    const BucketStatus status = bucket_.Status(now);
    if (charged) {
        max_bucket_used_ =
            std::max(max_bucket_used_, status.maximum_available - status.currently_available);
    } else {
        ++throttled_;
    }
    return ChargeOutcome{charged, status};
}

BucketStatus SandboxStore::Settle(int64_t requested_cost, int64_t actual_cost) {
    const std::lock_guard lock(mutex_);
    bucket_.Refund(requested_cost - actual_cost);
    points_spent_ += actual_cost;
    return bucket_.Status(std::chrono::steady_clock::now());
}

BucketStatus SandboxStore::Bucket() {
    const std::lock_guard lock(mutex_);
    return bucket_.Status(std::chrono::steady_clock::now());
}

void SandboxStore::CountRequest() {
    const std::lock_guard lock(mutex_);
    ++requests_;
}

std::optional<int> SandboxStore::DrawServerError() {
    const std::lock_guard lock(mutex_);
    if (knobs_.error_rate <= 0 || NextUnitDraw() >= knobs_.error_rate) {
        return std::nullopt;
    }
    constexpr int kStatuses[] = {500, 502, 503, 504};
    return kStatuses[static_cast<size_t>(NextUnitDraw() * 4) % 4];
}

Result<json::object> SandboxStore::Subscribe(const std::string& topic,
                                             const std::string& uri,
                                             const std::string& api_version,
                                             TimePoint now) {
    if (uri.rfind("http://", 0) != 0 && uri.rfind("https://", 0) != 0) {
        return FailField("callbackUrl", "Address is invalid");
    }
    const std::lock_guard lock(mutex_);
    for (const auto& existing : subscriptions_) {
        if (existing.topic == topic && existing.uri == uri) {
            return FailField("callbackUrl", "Address for this topic has already been taken");
        }
    }
    const int64_t id = next_subscription_id_++;
    subscriptions_.push_back(
        Subscription{id, topic, uri, api_version, FormatRfc3339(now), FormatRfc3339(now)});
    return SubscriptionNode(subscriptions_.back());
}

Result<json::object> SandboxStore::UpdateSubscription(const std::string& gid,
                                                      const std::string& uri,
                                                      TimePoint now) {
    if (uri.rfind("http://", 0) != 0 && uri.rfind("https://", 0) != 0) {
        return FailField("callbackUrl", "Address is invalid");
    }
    const std::lock_guard lock(mutex_);
    Subscription* found = nullptr;
    for (auto& subscription : subscriptions_) {
        if (Gid("WebhookSubscription", std::to_string(subscription.id)) == gid) {
            found = &subscription;
        }
    }
    if (found == nullptr) {
        return FailField("id", "Webhook subscription does not exist");
    }
    for (const auto& other : subscriptions_) {
        if (&other != found && other.topic == found->topic && other.uri == uri) {
            return FailField("callbackUrl", "Address for this topic has already been taken");
        }
    }
    found->uri = uri;
    found->updated_at = FormatRfc3339(now);
    return SubscriptionNode(*found);
}

bool SandboxStore::DeleteSubscription(const std::string& gid) {
    const std::lock_guard lock(mutex_);
    const auto erased = std::erase_if(subscriptions_, [&](const Subscription& subscription) {
        return Gid("WebhookSubscription", std::to_string(subscription.id)) == gid;
    });
    return erased > 0;
}

json::object SandboxStore::SubscriptionNode(const Subscription& s) {
    return {{"id", Gid("WebhookSubscription", std::to_string(s.id))},
            {"topic", TopicEnum(s.topic)},
            {"uri", s.uri},
            {"callbackUrl", s.uri},
            {"format", "JSON"},
            {"includeFields", json::array{}},
            {"metafieldNamespaces", json::array{}},
            {"apiVersion", {{"handle", s.api_version}}},
            {"endpoint", {{"__typename", "WebhookHttpEndpoint"}, {"callbackUrl", s.uri}}},
            {"createdAt", s.created_at},
            {"updatedAt", s.updated_at}};
}

json::array SandboxStore::Subscriptions() const {
    const std::lock_guard lock(mutex_);
    json::array nodes;
    for (const auto& s : subscriptions_) {
        nodes.push_back(SubscriptionNode(s));
    }
    return nodes;
}

}  // namespace scs::sandbox
