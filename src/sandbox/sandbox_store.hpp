#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/cost_bucket.hpp"
#include "sandbox/order_book.hpp"
#include "sandbox/store_spec.hpp"
#include "sandbox/token_book.hpp"
#include "sandbox/webhook_sender.hpp"

// One emulated Shopify store: its orders, tokens, GraphQL point bucket, webhook subscriptions,
// knobs and counters. Owned by the store registry for the sandbox's lifetime (never removed);
// every public method is thread-safe (one mutex per store).
namespace scs::sandbox {

struct ChargeOutcome {
    bool charged = false;
    BucketStatus status;
};

class SandboxStore {
public:
    SandboxStore(std::string id, StoreSpec spec, WebhookSender& sender, TimePoint now);

    const std::string& Id() const { return id_; }

    const StoreSpec& Spec() const { return spec_; }  // immutable after creation

    // The secret webhooks are signed with: the app's client secret for an OAuth app store.
    const std::string& SigningSecret() const;

    // POST /_sandbox/stores/{id}/orders: {} or {"count":N} generates, {"order":{…}} stores
    // the given REST order. Fires the orders/* webhooks. Answers the stored orders.
    [[nodiscard]] Result<boost::json::array> AddOrders(const boost::json::object& body,
                                                       TimePoint now);
    [[nodiscard]] Result<OrderPageResult> PageOrders(const OrderPageRequest& request) const;
    std::optional<boost::json::object> FindOrder(const std::string& id) const;

    [[nodiscard]] Status PatchKnobs(const boost::json::object& body);
    StoreKnobs Knobs() const;

    // GraphQL accounting: Charge before running (false = THROTTLED), Settle after.
    ChargeOutcome Charge(int64_t requested_cost);
    BucketStatus Settle(int64_t requested_cost, int64_t actual_cost);
    BucketStatus Bucket();
    void CountRequest();
    // A 5xx status to answer with, drawn with the error_rate knob; nullopt for none.
    std::optional<int> DrawServerError();

    // webhookSubscriptionCreate. userErrors-style failures come back as kBadRequest with field.
    [[nodiscard]] Result<boost::json::object> Subscribe(const std::string& topic,
                                                        const std::string& uri,
                                                        const std::string& api_version,
                                                        TimePoint now);
    boost::json::array Subscriptions() const;

    bool AcceptsToken(std::string_view token, TimePoint now) const;
    std::string IssueOAuthCode(std::string scope);
    [[nodiscard]] Result<IssuedToken> ExchangeOAuthCode(const std::string& code,
                                                        bool expiring,
                                                        TimePoint now);
    [[nodiscard]] Result<IssuedToken> RefreshOAuthToken(const std::string& refresh_token,
                                                        TimePoint now);
    IssuedToken ClientCredentialsToken(TimePoint now);
    void ExpireAccessTokens(TimePoint now);

    boost::json::object Describe(const std::string& base_url) const;
    boost::json::object Stats() const;
    boost::json::object Webhooks() const;

private:
    struct Subscription {
        int64_t id = 0;
        std::string topic;  // "orders/create"
        std::string uri;
        std::string api_version;
        std::string created_at;
    };

    // Callers hold mutex_.
    void FireOrderEvents(const OrderChange& change, TimePoint now);
    void QueueEvent(std::vector<WebhookDelivery> deliveries);
    double NextUnitDraw();

    const std::string id_;
    const StoreSpec spec_;
    WebhookSender& sender_;
    const std::shared_ptr<DeliveryLog> log_ = std::make_shared<DeliveryLog>();

    mutable std::mutex mutex_;
    StoreKnobs knobs_;
    OrderBook book_;
    int64_t generated_ = 0;
    mutable CostBucket bucket_;  // reading its status restores points, hence mutable
    TokenBook tokens_;
    std::vector<Subscription> subscriptions_;
    std::vector<WebhookDelivery> held_;  // the event the out-of-order knob holds back
    uint64_t draw_state_;
    int64_t requests_ = 0;
    int64_t throttled_ = 0;
    int64_t points_spent_ = 0;
    double max_bucket_used_ = 0;
};

}  // namespace scs::sandbox
