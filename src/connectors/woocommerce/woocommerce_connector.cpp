#include "connectors/woocommerce/woocommerce_connector.hpp"

#include <thread>
#include <utility>

#include <boost/json.hpp>

#include "connectors/kit/connector_settings.hpp"
#include "connectors/kit/misconfigured_connector.hpp"
#include "connectors/woocommerce/woocommerce_catalogue.hpp"
#include "connectors/woocommerce/woocommerce_fulfillment.hpp"
#include "connectors/woocommerce/woocommerce_inventory.hpp"
#include "connectors/woocommerce/woocommerce_order_status.hpp"
#include "connectors/woocommerce/woocommerce_orders.hpp"
#include "connectors/woocommerce/woocommerce_rest.hpp"
#include "connectors/woocommerce/woocommerce_webhook_subscriptions.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

const SystemTimeSource kWallClock;
constexpr size_t kNonceBytes = 16;

WooCommerceRestSettings ReadSettings(kit::ConnectorSettings& read) {
    WooCommerceRestSettings settings;
    settings.https_auth = read.Choice("https_auth", {"basic", "query"}) == "query"
                              ? WooCommerceHttpsAuth::kQuery
                              : WooCommerceHttpsAuth::kBasic;
    // restore_rate is the config key; requests_per_second the older spelling of the same rate.
    settings.requests_per_second = read.PositiveNumber(
        "restore_rate", read.PositiveNumber("requests_per_second", settings.requests_per_second));
    settings.burst = read.PositiveNumber("bucket_size", settings.requests_per_second);
    settings.max_wait = read.Milliseconds("max_wait_ms", settings.max_wait);
    settings.total_timeout = read.Milliseconds("request_timeout_ms", settings.total_timeout);
    settings.public_only = !read.Flag("allow_private_addresses", false);
    return settings;
}

std::string Credential(const Credentials& credentials, const std::string& name) {
    const auto it = credentials.find(name);
    return it == credentials.end() ? std::string() : it->second;
}

// The WooCommerce connector: each call opens a WooCommerceRest on the session's store and
// hands it to the operation's function. Not thread-safe; one per use.
class WooCommerceConnector final : public Connector {
public:
    WooCommerceConnector(const ConnectorDeps& deps, WooCommerceRestSettings settings)
        : settings_(settings),
          http_(deps.http ? deps.http : MakeCurlHttpClient()),
          state_(deps.state),
          clock_(deps.clock != nullptr ? *deps.clock : kWallClock),
          sleep_(deps.sleep ? deps.sleep : WooCommerceSleep([](std::chrono::milliseconds wait) {
              std::this_thread::sleep_for(wait);
          })) {}

    Status VerifyCredentials(const Connection& connection,
                             const Credentials& credentials) override {
        auto rest = Open(connection, credentials);
        if (!rest) {
            return tl::unexpected(rest.error());
        }
        auto reply = rest->Get(std::string(kWooCommerceApi) + "/orders", {{"per_page", "1"}});
        if (!reply && reply.error().code == ErrorCode::kNotFound) {
            return FailField("store_id",
                             "no WooCommerce REST API (wc/v3) at " + connection.store_id + ": " +
                                 reply.error().message);
        }
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        if (!reply->body.is_array()) {
            return Fail(ErrorCode::kInvalidPayload,
                        "WooCommerce answered orders that are not a list");
        }
        return {};
    }

    Result<OrderPage> FetchOrders(ConnectorSession& session,
                                  const OrderPageRequest& request) override {
        return With(session, [&request](WooCommerceRest& rest) {
            return FetchWooCommerceOrders(rest, request);
        });
    }

    Status SubscribeWebhooks(ConnectorSession& session, std::string_view callback_url) override {
        auto rest = Open(session.connection, session.credentials);
        if (!rest) {
            return tl::unexpected(rest.error());
        }
        auto secret = EnsureWooCommerceWebhookSecret(session);
        if (!secret) {
            return tl::unexpected(secret.error());
        }
        return SubscribeWooCommerceWebhooks(*rest, callback_url, *secret);
    }

    Result<ProductPage> FetchProducts(ConnectorSession& session,
                                      const ProductPageRequest& request) override {
        return With(session, [&request](WooCommerceRest& rest) {
            return FetchWooCommerceListings(rest, request);
        });
    }

    Result<std::map<InventoryKey, InventoryLevelRead>> ReadInventoryLevels(
        ConnectorSession& session, const std::vector<InventoryKey>& keys) override {
        return With(session, [&keys](WooCommerceRest& rest) {
            return ReadWooCommerceInventoryLevels(rest, keys);
        });
    }

    Result<std::vector<InventorySetResult>> SetInventory(ConnectorSession& session,
                                                         const InventorySetBatch& batch) override {
        return With(session, [&batch](WooCommerceRest& rest) {
            return SetWooCommerceInventory(rest, batch);
        });
    }

    Result<FulfillmentResult> CreateFulfillment(ConnectorSession& session,
                                                const FulfillmentRequest& request) override {
        return With(session, [this, &request](WooCommerceRest& rest) {
            return CreateWooCommerceFulfillment(rest, request, clock_.Now());
        });
    }

    Result<OrderStatusResult> ChangeOrderStatus(ConnectorSession& session,
                                                const OrderStatusRequest& request) override {
        return With(session, [&request](WooCommerceRest& rest) {
            return ChangeWooCommerceOrderStatus(rest, request);
        });
    }

private:
    // Runs `operation` on a REST client for the session's store.
    template <class Operation>
    auto With(const ConnectorSession& session, Operation operation)
        -> decltype(operation(std::declval<WooCommerceRest&>())) {
        auto rest = Open(session.connection, session.credentials);
        if (!rest) {
            return tl::unexpected(rest.error());
        }
        return operation(*rest);
    }

    Result<WooCommerceRest> Open(const Connection& connection,
                                 const Credentials& credentials) const {
        const std::string& url = connection.store_id;
        if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
            return FailField("store_id",
                             "a WooCommerce store is its site URL (http:// or https://)");
        }
        WooCommerceKeys keys{Credential(credentials, "consumer_key"),
                             Credential(credentials, "consumer_secret")};
        if (keys.consumer_key.empty() || keys.consumer_secret.empty()) {
            return Fail(ErrorCode::kInvalidCredentials,
                        "the connection has no consumer_key and consumer_secret");
        }
        const TimeSource& clock = clock_;
        WooCommerceRestDeps deps{*http_, state_, sleep_, [&clock] {
                                     const auto seconds = ToUnixMillis(clock.Now()) / 1000;
                                     return OAuthStamp{RandomToken(kNonceBytes), seconds};
                                 }};
        return WooCommerceRest(std::move(deps), settings_, url, std::move(keys));
    }

    WooCommerceRestSettings settings_;
    std::shared_ptr<HttpClient> http_;
    StateStore* state_;
    const TimeSource& clock_;
    WooCommerceSleep sleep_;
};

}  // namespace

ConnectorPtr MakeWooCommerceConnector(const ConnectorDeps& deps) {
    kit::ConnectorSettings read("woocommerce", deps.settings);
    const WooCommerceRestSettings settings = ReadSettings(read);
    if (auto checked = read.Check(); !checked) {
        return kit::MakeMisconfiguredConnector(std::move(checked.error()));
    }
    return std::make_unique<WooCommerceConnector>(deps, settings);
}

}  // namespace scs
