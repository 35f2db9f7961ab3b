#include "webhooks/woocommerce_delivery.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace scs {

WebhookEvent WooCommerceWebhookEvent(const WooCommerceWebhookHeaders& headers,
                                     std::string body,
                                     int64_t connection_id,
                                     TimePoint received_at) {
    WebhookEvent event;
    event.platform = "woocommerce";
    event.connection_id = connection_id;
    event.topic = headers.topic;
    event.dedup_key = WooCommerceDedupKey(headers, body);
    event.headers_json = boost::json::serialize(boost::json::object{
        {"source", headers.source},
        {"topic", headers.topic},
        {"resource", headers.resource},
        {"event", headers.event},
        {"webhook_id", headers.webhook_id},
        {"delivery_id", headers.delivery_id},
    });
    event.body = std::move(body);
    event.received_at = received_at;
    return event;
}

}  // namespace scs
