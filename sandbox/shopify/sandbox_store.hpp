#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/shopify/catalogue.hpp"
#include "sandbox/shopify/cost_bucket.hpp"
#include "sandbox/shopify/fulfillment_orders.hpp"
#include "sandbox/shopify/inventory_set.hpp"
#include "sandbox/shopify/order_book.hpp"
#include "sandbox/shopify/store_spec.hpp"
#include "sandbox/shopify/token_book.hpp"
#include "sandbox/shopify/webhook_sender.hpp"

// One emulated Shopify store: its orders (with their fulfillment orders and cancel jobs), catalogue
// and stock, tokens, GraphQL point bucket, webhook subscriptions,
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
    // webhookSubscriptionUpdate: a new callback for the subscription with this gid; a
    // FailField("id"|"callbackUrl") as Subscribe's.
    [[nodiscard]] Result<boost::json::object> UpdateSubscription(const std::string& gid,
                                                                 const std::string& uri,
                                                                 TimePoint now);
    // webhookSubscriptionDelete: false when no subscription has this gid.
    bool DeleteSubscription(const std::string& gid);
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

    // Catalogue and stock (sandbox_store_catalogue.cpp). Control-API ids are numeric strings.
    // POST …/products {"title","variants":[{"sku","title"}],"stock":{"<location id>":N}}.
    [[nodiscard]] Result<boost::json::object> AddProduct(const boost::json::object& body,
                                                         TimePoint now);
    boost::json::object LocationsJson() const;
    boost::json::object InventoryJson() const;
    // PATCH …/inventory {"inventory_item_id","location_id","available"}: a sale or merchant edit.
    [[nodiscard]] Status PatchInventory(const boost::json::object& body, TimePoint now);
    boost::json::array LocationNodes() const;  // GraphQL Location nodes
    boost::json::array VariantNodes() const;   // GraphQL ProductVariant nodes, in id order
    boost::json::value InventoryItemNode(int64_t inventory_item_id) const;  // null if unknown
    // inventorySetQuantities: the mutation's payload. kBadRequest (a top-level GraphQL error)
    // when the API version requires an idempotency key and none was given.
    [[nodiscard]] Result<boost::json::object> SetInventory(const boost::json::object& input,
                                                           const std::optional<std::string>& key,
                                                           const std::string& api_version,
                                                           TimePoint now);

    // Fulfilment, cancel and close (sandbox_store_actions.cpp); payloads in GraphQL shape.
    // Completes the cancel jobs due by `now`: called before anything reads orders or jobs.
    void SettleDueJobs(TimePoint now);
    boost::json::array FulfillmentOrderNodes(const std::string& order_id) const;
    // GET …/orders/{order_id}: {"order":{…REST…},"fulfillment_orders":[…]}.
    std::optional<boost::json::object> ControlOrder(const std::string& order_id) const;
    boost::json::object CreateFulfillment(const boost::json::object& input, TimePoint now);
    boost::json::object CancelOrder(const boost::json::object& args, TimePoint now);
    boost::json::value JobNode(const std::string& job_gid, TimePoint now);
    boost::json::object CloseOrder(const std::string& order_gid, TimePoint now);

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
        std::string updated_at;
    };

    static boost::json::object SubscriptionNode(const Subscription& subscription);

    struct CancelJob {
        std::string order_id;
        TimePoint due;
        std::string reason;  // lowercase, as REST spells it
        bool restock = false;
        bool done = false;
    };

    // Callers hold mutex_.
    void FireOrderEvents(const OrderChange& change, TimePoint now);
    void FireTopics(const boost::json::object& order,
                    const std::vector<std::string>& topics,
                    TimePoint now);
    void OpenFulfillmentOrderFor(const boost::json::object& order);
    void CompleteCancel(const CancelJob& job, TimePoint now);
    void Restock(const FulfillmentOrder& order, TimePoint now);
    boost::json::object StoreFulfillment(const std::string& order_id,
                                         const std::vector<FulfilledLine>& lines,
                                         const boost::json::object& tracking,
                                         TimePoint now);
    void QueueEvent(std::vector<WebhookDelivery> deliveries);
    // Whether `order` names an order the store holds (the caller holds mutex_).
    bool IsKnownOrder(const boost::json::object& order) const;
    double NextUnitDraw();

    const std::string id_;
    const StoreSpec spec_;
    WebhookSender& sender_;
    const std::shared_ptr<DeliveryLog> log_ = std::make_shared<DeliveryLog>();

    mutable std::mutex mutex_;
    StoreKnobs knobs_;
    OrderBook book_;
    Catalogue catalogue_;
    IdempotencyLedger idempotency_;
    std::map<std::string, std::vector<FulfillmentOrder>> fulfillment_orders_;  // by order id
    std::map<int64_t, std::string> order_of_fulfillment_order_;
    std::map<std::string, CancelJob> jobs_;  // by job uuid
    int64_t next_fulfillment_order_id_ = 7'700'000'000'000;
    int64_t next_fulfillment_order_line_id_ = 7'800'000'000'000;
    int64_t next_fulfillment_id_ = 5'200'000'000'000;
    int64_t next_adjustment_group_id_ = 3'300'000'000'000;
    int64_t generated_ = 0;
    mutable CostBucket bucket_;  // reading its status restores points, hence mutable
    TokenBook tokens_;
    std::vector<Subscription> subscriptions_;
    int64_t next_subscription_id_ = 1'000'000'001;
    std::vector<WebhookDelivery> held_;  // the event the out-of-order knob holds back
    uint64_t draw_state_;
    int64_t requests_ = 0;
    int64_t throttled_ = 0;
    int64_t points_spent_ = 0;
    double max_bucket_used_ = 0;
    int64_t inventory_set_calls_ = 0;
    int64_t inventory_set_replays_ = 0;
    int64_t fulfillments_created_ = 0;
    int64_t cancels_ = 0;
    int64_t closes_ = 0;
};

}  // namespace scs::sandbox
