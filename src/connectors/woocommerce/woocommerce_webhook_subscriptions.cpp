#include "connectors/woocommerce/woocommerce_webhook_subscriptions.hpp"

#include <vector>

#include <boost/json.hpp>

#include "connectors/kit/subscription_diff.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

constexpr int kPerPage = 100;
constexpr size_t kSecretBytes = 32;

const std::string kWebhooksPath = std::string(kWooCommerceApi) + "/webhooks";

// Every webhook of the store, all pages.
Result<std::vector<boost::json::value>> ListWebhooks(WooCommerceRest& rest) {
    std::vector<boost::json::value> webhooks;
    for (int page = 1;; ++page) {
        auto reply =
            rest.Get(kWebhooksPath,
                     {{"per_page", std::to_string(kPerPage)}, {"page", std::to_string(page)}});
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        if (!reply->body.is_array()) {
            return Fail(ErrorCode::kInvalidPayload,
                        "WooCommerce answered webhooks that are not a list");
        }
        const auto& found = reply->body.get_array();
        webhooks.insert(webhooks.end(), found.begin(), found.end());
        // X-WP-TotalPages decides; without it, a short page is the last.
        const auto total = reply->TotalPages();
        if (total ? page >= *total : found.size() < static_cast<size_t>(kPerPage)) {
            return webhooks;
        }
    }
}

Status Activate(WooCommerceRest& rest,
                const boost::json::value& webhook,
                const std::string& secret) {
    const auto id = WooInt(webhook, "id");
    if (!id) {
        return Fail(ErrorCode::kInvalidPayload, "WooCommerce answered a webhook without an id");
    }
    auto updated = rest.Put(kWebhooksPath + "/" + std::to_string(*id),
                            boost::json::object{{"status", "active"}, {"secret", secret}});
    return updated ? Status{} : tl::unexpected(updated.error());
}

Status Create(WooCommerceRest& rest,
              std::string_view topic,
              std::string_view callback_url,
              const std::string& secret) {
    auto created =
        rest.Post(kWebhooksPath,
                  boost::json::object{{"name", "Sales Channel Service " + std::string(topic)},
                                      {"topic", topic},
                                      {"delivery_url", callback_url},
                                      {"secret", secret},
                                      {"status", "active"}});
    return created ? Status{} : tl::unexpected(created.error());
}

// The webhooks as subscriptions, index for index.
std::vector<kit::Subscription> Subscriptions(const std::vector<boost::json::value>& webhooks) {
    std::vector<kit::Subscription> subscriptions;
    subscriptions.reserve(webhooks.size());
    for (const auto& webhook : webhooks) {
        subscriptions.push_back({WooString(webhook, "topic"),
                                 WooString(webhook, "delivery_url"),
                                 WooString(webhook, "status") == "active"});
    }
    return subscriptions;
}

}  // namespace

Result<WooCommerceWebhookSecret> EnsureWooCommerceWebhookSecret(ConnectorSession& session) {
    const auto found = session.credentials.find("webhook_secret");
    if (found != session.credentials.end() && !found->second.empty()) {
        return WooCommerceWebhookSecret{found->second, false};
    }
    if (session.vault == nullptr) {
        return FailField("webhook_secret",
                         "the connection has no webhook secret and nowhere to store a new one");
    }
    // Another process may have made the secret meanwhile: its webhooks carry that one.
    auto stored = session.vault->Load(session.connection.id);
    if (!stored) {
        return tl::unexpected(stored.error());
    }
    if (const auto kept = stored->find("webhook_secret");
        kept != stored->end() && !kept->second.empty()) {
        session.credentials["webhook_secret"] = kept->second;
        return WooCommerceWebhookSecret{kept->second, false};
    }
    Credentials updated = session.credentials;
    updated["webhook_secret"] = RandomToken(kSecretBytes);
    if (auto saved = session.vault->Save(session.connection.id, updated); !saved) {
        return tl::unexpected(saved.error());
    }
    session.credentials = updated;
    return WooCommerceWebhookSecret{updated["webhook_secret"], true};
}

Status SubscribeWooCommerceWebhooks(WooCommerceRest& rest,
                                    std::string_view callback_url,
                                    const WooCommerceWebhookSecret& secret) {
    auto webhooks = ListWebhooks(rest);
    if (!webhooks) {
        return tl::unexpected(webhooks.error());
    }
    // A new secret goes to every matching webhook: their old secret is unknown.
    const auto steps = kit::PlanSubscriptions(
        kWooCommerceWebhookTopics, Subscriptions(*webhooks), callback_url, secret.created);
    for (const auto& step : steps) {
        auto done = step.kind == kit::SubscriptionStep::Kind::kCreate
                        ? Create(rest, step.topic, callback_url, secret.secret)
                        : Activate(rest, (*webhooks)[step.existing_index], secret.secret);
        if (!done) {
            return done;
        }
    }
    return {};
}

}  // namespace scs
