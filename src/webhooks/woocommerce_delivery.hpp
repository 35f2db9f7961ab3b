#pragma once

#include <cstdint>
#include <string>

#include "connectors/woocommerce/woocommerce_webhooks.hpp"
#include "core/time.hpp"
#include "storage/webhook_event_store.hpp"

// The pure part of receiving a WooCommerce delivery: what is stored for it. Thread-safe.
namespace scs {

// The event to store for a verified delivery: the dedup key by content (WooCommerce's delivery id
// is only unique per webhook per second, and one change can fire the same payload several times),
// the identifying headers as a JSON object (source, topic, resource, event, webhook id, delivery
// id; never the signature) and the body byte for byte. WooCommerce sends no trigger time.
WebhookEvent WooCommerceWebhookEvent(const WooCommerceWebhookHeaders& headers,
                                     std::string body,
                                     int64_t connection_id,
                                     TimePoint received_at);

}  // namespace scs
