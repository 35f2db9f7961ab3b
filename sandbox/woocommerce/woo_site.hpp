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
#include "sandbox/woocommerce/delivery_queue.hpp"
#include "sandbox/woocommerce/key_book.hpp"
#include "sandbox/woocommerce/paging.hpp"
#include "sandbox/woocommerce/rest_auth.hpp"
#include "sandbox/woocommerce/site_spec.hpp"
#include "sandbox/woocommerce/webhook_rules.hpp"
#include "sandbox/woocommerce/woo_order.hpp"
#include "sandbox/woocommerce/woo_product.hpp"

// One emulated WooCommerce site: its orders (with notes, refunds and shipment trackings),
// products and variations, webhooks, API keys, knobs and counters. Created by the site registry
// with make_shared and kept for the sandbox's lifetime; every public method is thread-safe (one
// mutex per site) and none blocks on the network: webhook deliveries go through the queue.
namespace scs::sandbox::woocommerce {

struct OrderQuery {
    CollectionParams paging;
    std::vector<std::string> statuses;  // empty or "any": every status but trash
    std::optional<TimePoint> after;     // created, exclusive
    std::optional<TimePoint> before;
    std::optional<TimePoint> modified_after;
    std::optional<TimePoint> modified_before;
};

struct ProductQuery {
    CollectionParams paging;
    std::vector<std::string> skus;  // variations match too, as WooCommerce's sku filter does
    std::string type;
    std::string status = "any";
    std::string stock_status;
    std::optional<TimePoint> after;
    std::optional<TimePoint> before;
    std::optional<TimePoint> modified_after;
    std::optional<TimePoint> modified_before;
};

struct ListPage {
    boost::json::array items;
    PageWindow window;
};

// What POST /webhooks leaves for the caller: the answer, and the ping to send after it.
struct CreatedWebhook {
    boost::json::object webhook;
    int64_t id = 0;
    std::string delivery_url;
};

// A fault the knobs call for, drawn once per REST request.
struct FaultPlan {
    int latency_ms = 0;
    int status = 0;  // 0 = none; else 429, 503 or 500
    int retry_after = -1;
    bool html = false;
    bool strip_authorization = false;
    bool malformed_json = false;
};

class WooSite : public std::enable_shared_from_this<WooSite> {
public:
    WooSite(std::string id,
            SiteSpec spec,
            std::string store_url,
            DeliveryQueue& deliveries,
            TimePoint now);

    const std::string& Id() const { return id_; }

    const SiteSpec& Spec() const { return spec_; }  // immutable after creation

    const std::string& StoreUrl() const { return store_url_; }

    // Authentication (woo_site_auth.cpp).
    [[nodiscard]] WpResult<std::optional<ApiKey>> Authenticate(const AuthInput& input,
                                                               TimePoint now);
    ApiKey CreateExchangeKey(const std::string& app_name, const std::string& scope, TimePoint now);
    void DeleteKey(int64_t key_id);
    [[nodiscard]] Status PatchKnobs(const boost::json::object& body);
    SiteKnobs Knobs() const;
    FaultPlan DrawFault();
    void CountRequest(const std::string& route, int status);
    void CountEvent(const std::string& name);

    // Orders (woo_site_orders.cpp).
    ListPage ListOrders(const OrderQuery& query) const;
    [[nodiscard]] WpResult<boost::json::object> GetOrder(int64_t id) const;
    [[nodiscard]] WpResult<boost::json::object> CreateOrder(const boost::json::object& body,
                                                            TimePoint now);
    [[nodiscard]] WpResult<boost::json::object> UpdateOrder(int64_t id,
                                                            const boost::json::object& body,
                                                            TimePoint now);
    [[nodiscard]] WpResult<boost::json::object> DeleteOrder(int64_t id, bool force, TimePoint now);

    // Notes, refunds and shipment trackings (woo_site_order_extras.cpp).
    [[nodiscard]] WpResult<boost::json::object> AddNote(int64_t order_id,
                                                        const boost::json::object& body,
                                                        TimePoint now);
    [[nodiscard]] WpResult<boost::json::array> ListNotes(int64_t order_id,
                                                         const std::string& type) const;
    [[nodiscard]] WpResult<boost::json::object> GetNote(int64_t order_id, int64_t note_id) const;
    [[nodiscard]] WpResult<boost::json::object> DeleteNote(int64_t order_id, int64_t note_id);
    [[nodiscard]] WpResult<boost::json::object> AddRefund(int64_t order_id,
                                                          const boost::json::object& body,
                                                          TimePoint now);
    [[nodiscard]] WpResult<boost::json::array> ListRefunds(int64_t order_id) const;
    [[nodiscard]] WpResult<boost::json::object> GetRefund(int64_t order_id,
                                                          int64_t refund_id) const;
    [[nodiscard]] WpResult<boost::json::object> AddTracking(int64_t order_id,
                                                            const boost::json::object& body,
                                                            TimePoint now);
    [[nodiscard]] WpResult<boost::json::array> ListTrackings(int64_t order_id) const;
    [[nodiscard]] WpResult<boost::json::object> GetTracking(int64_t order_id,
                                                            const std::string& tracking_id) const;
    [[nodiscard]] WpResult<boost::json::object> DeleteTracking(int64_t order_id,
                                                               const std::string& tracking_id);

    // Products and variations (woo_site_products.cpp); parent 0 = top-level products.
    ListPage ListProducts(const ProductQuery& query, int64_t parent) const;
    [[nodiscard]] WpResult<boost::json::object> GetProduct(int64_t id, int64_t parent) const;
    [[nodiscard]] WpResult<boost::json::object> CreateProduct(const boost::json::object& body,
                                                              int64_t parent,
                                                              TimePoint now);
    [[nodiscard]] WpResult<boost::json::object> UpdateProduct(int64_t id,
                                                              const boost::json::object& body,
                                                              int64_t parent,
                                                              TimePoint now);
    [[nodiscard]] WpResult<boost::json::object> DeleteProduct(int64_t id,
                                                              bool force,
                                                              int64_t parent,
                                                              TimePoint now);

    // Webhooks (woo_site_webhooks.cpp).
    ListPage ListWebhooks(const CollectionParams& paging, const std::string& status) const;
    [[nodiscard]] WpResult<boost::json::object> GetWebhook(int64_t id) const;
    [[nodiscard]] WpResult<CreatedWebhook> CreateWebhook(const boost::json::object& body,
                                                         TimePoint now);
    [[nodiscard]] WpResult<boost::json::object> UpdateWebhook(int64_t id,
                                                              const boost::json::object& body,
                                                              TimePoint now);
    [[nodiscard]] WpResult<boost::json::object> DeleteWebhook(int64_t id, bool force);
    void RecordPing(int64_t webhook_id, int status_code, TimePoint now);
    // The delivery queue's side: nullopt when the webhook is gone or no longer active.
    std::optional<OutgoingDelivery> PrepareDelivery(const DeliveryJob& job, TimePoint now);
    void RecordDelivery(const OutgoingDelivery& delivery, int status_code, TimePoint now);

    // The control API (woo_site_control.cpp).
    [[nodiscard]] Result<boost::json::array> AddOrders(const boost::json::object& body,
                                                       TimePoint now);
    [[nodiscard]] Result<boost::json::object> PatchOrder(int64_t id,
                                                         const boost::json::object& body,
                                                         TimePoint now);
    std::optional<boost::json::object> ControlOrder(int64_t id) const;
    [[nodiscard]] Result<boost::json::object> AddProduct(const boost::json::object& body,
                                                         TimePoint now);
    boost::json::object Inventory() const;
    boost::json::object Describe() const;
    boost::json::object Stats() const;
    boost::json::object WebhooksJson() const;

private:
    struct Webhook {
        int64_t id = 0;
        std::string name;
        std::string topic;
        std::string delivery_url;
        std::string secret;
        WebhookHealth health;
        TimePoint created;
        std::optional<TimePoint> modified;
    };

    // Callers hold mutex_.
    void SeedCatalogue(TimePoint now);
    void SeedOrders(TimePoint now);
    WooOrder& StoreGeneratedOrder(std::optional<TimePoint> placed_at);

    OrderView View() const { return OrderView{store_url_, spec_.utc_offset_minutes}; }

    ProductView Products() const;
    WooOrder* FindOrder(int64_t id);
    const WooOrder* FindOrder(int64_t id) const;
    WooProduct* FindProduct(int64_t id, int64_t parent);
    const WooProduct* FindProduct(int64_t id, int64_t parent) const;
    const WooProduct* FindBySku(const std::string& sku) const;
    void ApplyStatus(WooOrder& order, const std::string& status, TimePoint now);
    void AddSystemNote(WooOrder& order, std::string text, TimePoint now);
    void AdjustStock(const WooOrder& order, int64_t sign, TimePoint now);
    [[nodiscard]] WpResult<bool> ApplyOrderFields(WooOrder& order,
                                                  const boost::json::object& body,
                                                  TimePoint now);
    [[nodiscard]] WpResult<bool> CompleteLineItems(WooOrder& order,
                                                   const boost::json::array& lines);
    boost::json::object RenderProductOf(const WooProduct& product) const;
    void Fire(const std::string& topic, int64_t resource_id, TimePoint now);
    void FireOrderCreated(int64_t order_id, TimePoint now);
    boost::json::object RenderWebhook(const Webhook& webhook) const;
    boost::json::value DeliveryPayload(const DeliveryJob& job) const;
    double NextUnitDraw();

    const std::string id_;
    const SiteSpec spec_;
    const std::string store_url_;
    DeliveryQueue& deliveries_;
    const std::string salt_;
    const int64_t created_second_;

    mutable std::mutex mutex_;
    SiteKnobs knobs_;
    int64_t rate_limit_seen_ = 0;
    KeyBook keys_;
    std::map<int64_t, WooOrder> orders_;
    std::map<int64_t, WooProduct> products_;  // products and variations, by post id
    std::map<int64_t, Webhook> webhooks_;
    int64_t next_order_id_ = 1001;  // refunds share the order id sequence, as in WooCommerce
    int64_t next_item_id_ = 1;
    int64_t next_note_id_ = 1;
    int64_t next_product_id_ = 200;
    int64_t next_webhook_id_ = 1;
    int64_t generated_ = 0;
    uint64_t draw_state_;
    boost::json::array delivery_log_;
    boost::json::array ping_log_;
    std::map<std::string, std::map<std::string, int64_t>> requests_;  // route -> status -> n
    std::map<std::string, int64_t> counters_;
};

}  // namespace scs::sandbox::woocommerce
