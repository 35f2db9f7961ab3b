#pragma once

#include <array>
#include <string>
#include <string_view>

#include "connectors/connector.hpp"
#include "connectors/woocommerce/woocommerce_rest.hpp"

// A store's webhooks to the service (platforms doc B6): WooCommerce disables a webhook after
// repeated failed deliveries and never retries, so subscribing is also how a disabled webhook
// is repaired. Stateless; thread-safe as far as the REST client and the vault are.
namespace scs {

inline constexpr std::array<std::string_view, 4> kWooCommerceWebhookTopics = {
    "order.created", "order.updated", "order.deleted", "product.updated"};

// The signing secret of the connection's webhooks: credentials `webhook_secret`, or, when absent,
// 32 random bytes as hex saved through session.vault (and into session.credentials) before any
// webhook carries it. kBadRequest when a secret must be made but there is no vault to keep it;
// the vault's error when saving fails. `created` says the secret is new.
struct WooCommerceWebhookSecret {
    std::string secret;
    bool created = false;
};

[[nodiscard]] Result<WooCommerceWebhookSecret> EnsureWooCommerceWebhookSecret(
    ConnectorSession& session);

// Lists the store's webhooks (every page) and, for each topic of kWooCommerceWebhookTopics with
// delivery_url == callback_url: keeps an active one; re-enables a disabled or paused one (PUT
// status active with the secret); creates a missing one (POST, status active, the secret). When
// the secret is new, every matching webhook gets it (their old secret is unknown). Cheap when
// all is well: one GET per 100 webhooks. REST errors as they come.
[[nodiscard]] Status SubscribeWooCommerceWebhooks(WooCommerceRest& rest,
                                                  std::string_view callback_url,
                                                  const WooCommerceWebhookSecret& secret);

}  // namespace scs
