#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/shopify/shopify_webhooks.hpp"
#include "core/connection.hpp"
#include "core/time.hpp"
#include "storage/webhook_event_store.hpp"

// The pure parts of receiving a Shopify delivery: which secrets may have signed it and what is
// stored for it. Thread-safe.
namespace scs {

// The privacy-law topics every public app must answer (platforms doc A6.2). They are signed with
// the app client secret and may arrive after the shop uninstalled the app.
bool IsShopifyComplianceTopic(std::string_view topic);

// The secrets a delivery for a connection may be signed with, in the order to try them: the
// connection's own `webhook_secret` credential (custom apps), then the app client secrets
// (current first, then the previous one during a rotation). Empty secrets are left out.
std::vector<std::string> ShopifySigningSecrets(const Credentials& credentials,
                                               const std::vector<std::string>& app_secrets);

// True when one of `secrets` signed `body` (constant-time comparison each).
bool VerifyWithAnySecret(std::string_view body,
                         std::string_view hmac_header,
                         const std::vector<std::string>& secrets);

// The event to store for a verified delivery: the dedup key (event id, else webhook id), the
// identifying headers as a JSON object (topic, shop domain, API version, webhook id, event id,
// triggered at; never the HMAC) and the body byte for byte.
WebhookEvent ShopifyWebhookEvent(const ShopifyWebhookHeaders& headers,
                                 std::string body,
                                 int64_t connection_id,
                                 TimePoint received_at);

}  // namespace scs
