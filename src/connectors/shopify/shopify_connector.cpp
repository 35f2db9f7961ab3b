#include "connectors/shopify/shopify_connector.hpp"

#include <thread>
#include <utility>

#include <boost/json.hpp>

#include "connectors/kit/connector_settings.hpp"
#include "connectors/kit/misconfigured_connector.hpp"
#include "connectors/kit/token_refresher.hpp"
#include "connectors/shopify/order_mapping.hpp"
#include "connectors/shopify/shopify_catalogue.hpp"
#include "connectors/shopify/shopify_fulfillment.hpp"
#include "connectors/shopify/shopify_graphql.hpp"
#include "connectors/shopify/shopify_inventory.hpp"
#include "connectors/shopify/shopify_oauth.hpp"
#include "connectors/shopify/shopify_order_page.hpp"
#include "connectors/shopify/shopify_order_status.hpp"
#include "connectors/shopify/shopify_query_cost.hpp"
#include "connectors/shopify/shopify_webhook_subscriptions.hpp"

namespace scs {
namespace {

const SystemTimeSource kWallClock;

// What every call of one connector shares, read once from ConnectorDeps.
struct ShopifyContext {
    ShopifyContext(const ConnectorDeps& deps, kit::ConnectorSettings& settings)
        : base_url(deps.base_url),
          version(deps.api_version.empty() ? std::string(kShopifyApiVersion) : deps.api_version),
          http(deps.http ? deps.http : MakeCurlHttpClient()),
          state(deps.state),
          clock(deps.clock != nullptr ? *deps.clock : kWallClock),
          sleep(deps.sleep ? deps.sleep : Sleeper([](std::chrono::milliseconds d) {
              std::this_thread::sleep_for(d);
          })),
          app{settings.Text("client_id"), settings.Text("client_secret"), settings.Text("scopes")},
          bucket{settings.PositiveNumber("bucket_size", 2000),
                 settings.PositiveNumber("restore_rate", 100)} {
        limits.max_wait = settings.Milliseconds("max_wait_ms", limits.max_wait);
        limits.total_timeout = settings.Milliseconds("request_timeout_ms", limits.total_timeout);
    }

    std::string base_url;
    std::string version;
    std::shared_ptr<HttpClient> http;
    StateStore* state;
    const TimeSource& clock;
    Sleeper sleep;
    ShopifyAppSettings app;
    ShopifyBucketSettings bucket;
    ShopifyCallLimits limits;
};

// One shop's budget, GraphQL client and token refresher, with the 401 -> refresh -> retry rule.
class ShopifyStoreClient {
public:
    ShopifyStoreClient(const ShopifyContext& context, std::string domain)
        : context_(context),
          domain_(std::move(domain)),
          url_(ShopifyShopUrl(context.base_url, domain_)),
          endpoint_(url_ + "/admin/api/" + context.version + "/graphql.json"),
          budget_(context.state, domain_, context.bucket, context.clock),
          graphql_(*context.http, budget_, context.sleep, context.limits),
          refresher_(context.state, context.clock, context.sleep, "Shopify", "shopify-refresh:") {}

    const std::string& Domain() const { return domain_; }

    [[nodiscard]] Status EnsureFresh(ConnectorSession& session) {
        return refresher_.EnsureFresh(session, false, RefreshCall());
    }

    // The call's data; a rejected token is refreshed once, then kInvalidCredentials.
    [[nodiscard]] Result<boost::json::object> Call(ConnectorSession& session,
                                                   std::string_view query,
                                                   const boost::json::object& variables,
                                                   int cost) {
        auto data = Execute(session, query, variables, cost);
        if (data || data.error().code != ErrorCode::kAuthentication) {
            return data;
        }
        if (auto fresh = refresher_.EnsureFresh(session, true, RefreshCall()); !fresh) {
            return tl::unexpected(fresh.error());
        }
        data = Execute(session, query, variables, cost);
        if (!data && data.error().code == ErrorCode::kAuthentication) {
            return Fail(ErrorCode::kInvalidCredentials, "Shopify rejected the refreshed token");
        }
        return data;
    }

private:
    // Shopify rotates the refresh token on every use: kit::TokenRefresher single-flights it.
    kit::RefreshCall RefreshCall() const {
        return [this](std::string_view refresh_token) {
            return RefreshShopifyToken(
                *context_.http, context_.app, url_, refresh_token, context_.clock.Now());
        };
    }

    Result<boost::json::object> Execute(const ConnectorSession& session,
                                        std::string_view query,
                                        const boost::json::object& variables,
                                        int cost) {
        const auto token = session.credentials.find("access_token");
        const std::string access_token =
            token == session.credentials.end() ? std::string() : token->second;
        return graphql_.Execute(endpoint_, access_token, query, variables, cost);
    }

    const ShopifyContext& context_;
    std::string domain_;
    std::string url_;
    std::string endpoint_;
    ShopifyCostBudget budget_;
    ShopifyGraphqlClient graphql_;
    kit::TokenRefresher refresher_;
};

Error Unexpected(const Error& error) {
    // MAX_COST_EXCEEDED at the smallest page cannot be fixed by asking again.
    if (error.code == ErrorCode::kPayloadTooLarge) {
        return Error{ErrorCode::kInvalidPayload, error.message, {}, std::nullopt};
    }
    return error;
}

// The Shopify connector: paging orders (line items completed), the credential check, the
// webhook subscriptions and the push-back calls (catalogue, stock, fulfilment, order status),
// each through a ShopifyStoreClient. Not thread-safe; one per use.
class ShopifyConnector final : public Connector {
public:
    ShopifyConnector(const ConnectorDeps& deps, kit::ConnectorSettings& settings)
        : context_(deps, settings),
          max_cost_(
              static_cast<int>(std::min<double>(kShopifyMaxQueryCost, context_.bucket.capacity))),
          order_node_cost_(ShopifyNodeCost(kShopifyGraphqlOrderFields)),
          line_page_size_(ShopifyPageSizeWithin(
              ShopifyNodeCost(kShopifyGraphqlLineItemFields), 2, 250, max_cost_)),
          catalogue_limits_{max_cost_, 250} {}

    Status VerifyCredentials(const Connection& connection,
                             const Credentials& credentials) override {
        ConnectorSession session{connection, credentials, nullptr};
        auto store = Open(session);
        if (!store) {
            return tl::unexpected(store.error());
        }
        auto data = (*store)->Call(session, "query Shop { shop { name myshopifyDomain } }", {}, 2);
        if (!data) {
            return tl::unexpected(Unexpected(data.error()));
        }
        const auto* shop = data->if_contains("shop");
        if (shop == nullptr || !shop->is_object()) {
            return Fail(ErrorCode::kInvalidPayload, "Shopify answered no shop");
        }
        const auto* domain = shop->get_object().if_contains("myshopifyDomain");
        if (domain != nullptr && domain->is_string() && !domain->get_string().empty() &&
            domain->get_string() != (*store)->Domain()) {
            return Fail(ErrorCode::kInvalidCredentials, "the access token belongs to another shop");
        }
        return {};
    }

    Result<OrderPage> FetchOrders(ConnectorSession& session,
                                  const OrderPageRequest& request) override {
        auto store = OpenFresh(session);
        if (!store) {
            return tl::unexpected(store.error());
        }
        auto page = FetchOrderNodes(**store, session, request);
        if (!page) {
            return tl::unexpected(page.error());
        }
        OrderPage result;
        result.next_cursor = page->next_cursor;
        for (boost::json::object& node : page->nodes) {
            if (auto complete = CompleteLineItems(**store, session, node); !complete) {
                return tl::unexpected(complete.error());
            }
            result.orders.push_back(MapShopifyOrderNode(node, request.mapping));
        }
        return result;
    }

    Status SubscribeWebhooks(ConnectorSession& session, std::string_view callback_url) override {
        auto store = OpenFresh(session);
        if (!store) {
            return tl::unexpected(store.error());
        }
        ShopifyStoreClient& client = **store;
        const GraphqlCall call = [&client, &session](std::string_view query,
                                                     const boost::json::object& variables,
                                                     int cost) -> Result<boost::json::object> {
            auto data = client.Call(session, query, variables, cost);
            return data ? data : tl::unexpected(Unexpected(data.error()));
        };
        return SubscribeShopifyWebhooks(call, callback_url);
    }

    Result<ProductPage> FetchProducts(ConnectorSession& session,
                                      const ProductPageRequest& request) override {
        return WithCall(session, [this, &request](const GraphqlCall& call) {
            return FetchShopifyListings(call, request, catalogue_limits_);
        });
    }

    Result<std::map<InventoryKey, InventoryLevelRead>> ReadInventoryLevels(
        ConnectorSession& session, const std::vector<InventoryKey>& keys) override {
        return WithCall(session, [&keys](const GraphqlCall& call) {
            return ReadShopifyInventoryLevels(call, keys);
        });
    }

    Result<std::vector<InventorySetResult>> SetInventory(ConnectorSession& session,
                                                         const InventorySetBatch& batch) override {
        return WithCall(session, [&batch](const GraphqlCall& call) {
            return SetShopifyInventory(call, batch);
        });
    }

    Result<FulfillmentResult> CreateFulfillment(ConnectorSession& session,
                                                const FulfillmentRequest& request) override {
        return WithCall(session, [&request](const GraphqlCall& call) {
            return CreateShopifyFulfillment(call, request);
        });
    }

    Result<OrderStatusResult> ChangeOrderStatus(ConnectorSession& session,
                                                const OrderStatusRequest& request) override {
        return WithCall(session, [this, &request](const GraphqlCall& call) {
            return ChangeShopifyOrderStatus(call, context_.sleep, request);
        });
    }

private:
    // Runs `operation` with a GraphqlCall on the session's store (token refreshed first); its
    // errors leave through Unexpected.
    template <class Operation>
    auto WithCall(ConnectorSession& session, Operation operation)
        -> decltype(operation(std::declval<const GraphqlCall&>())) {
        auto store = OpenFresh(session);
        if (!store) {
            return tl::unexpected(store.error());
        }
        ShopifyStoreClient& client = **store;
        const GraphqlCall call = [&client, &session](std::string_view query,
                                                     const boost::json::object& variables,
                                                     int cost) {
            return client.Call(session, query, variables, cost);
        };
        auto result = operation(call);
        if (!result) {
            return tl::unexpected(Unexpected(result.error()));
        }
        return result;
    }

    Result<std::unique_ptr<ShopifyStoreClient>> Open(const ConnectorSession& session) const {
        auto domain = NormalizeShopDomain(session.connection.store_id);
        if (!domain) {
            return tl::unexpected(domain.error());
        }
        return std::make_unique<ShopifyStoreClient>(context_, std::move(*domain));
    }

    Result<std::unique_ptr<ShopifyStoreClient>> OpenFresh(ConnectorSession& session) const {
        auto store = Open(session);
        if (store) {
            if (auto fresh = (*store)->EnsureFresh(session); !fresh) {
                return tl::unexpected(fresh.error());
            }
        }
        return store;
    }

    // One page of order nodes; halves the page size while Shopify says the query costs too much.
    Result<ShopifyNodePage> FetchOrderNodes(ShopifyStoreClient& store,
                                            ConnectorSession& session,
                                            const OrderPageRequest& request) {
        boost::json::object variables{{"after", nullptr}, {"query", nullptr}};
        if (!request.cursor.empty()) {
            variables["after"] = request.cursor;
        }
        if (request.updated_since) {
            variables["query"] = ShopifyUpdatedSinceFilter(*request.updated_since);
        }
        const int wanted = std::min(std::max(request.page_size, 1), max_orders_first_);
        int first = ShopifyPageSizeWithin(order_node_cost_, 1, wanted, max_cost_);
        while (true) {
            const std::string query = ShopifyOrdersQuery(first);
            auto data = store.Call(session, query, variables, ShopifySelectionCost(query));
            if (!data && data.error().code == ErrorCode::kPayloadTooLarge && first > 1) {
                first /= 2;
                max_orders_first_ = first;  // remembered for the following pages
                continue;
            }
            if (!data) {
                return tl::unexpected(Unexpected(data.error()));
            }
            return ReadShopifyConnection(*data, {"orders"});
        }
    }

    // Fetches the line items past the first page of an order and merges them into its node.
    Status CompleteLineItems(ShopifyStoreClient& store,
                             ConnectorSession& session,
                             boost::json::object& node) const {
        std::optional<std::string> cursor = MoreLineItemsCursor(node);
        if (!cursor) {
            return {};
        }
        const std::string query = ShopifyOrderLinesQuery(line_page_size_);
        std::vector<boost::json::object> more;
        while (cursor) {
            const boost::json::object variables{{"id", node["id"]}, {"after", *cursor}};
            auto data = store.Call(session, query, variables, ShopifySelectionCost(query));
            if (!data) {
                return tl::unexpected(Unexpected(data.error()));
            }
            auto page = ReadShopifyConnection(*data, {"order", "lineItems"});
            if (!page) {
                return tl::unexpected(page.error());
            }
            std::move(page->nodes.begin(), page->nodes.end(), std::back_inserter(more));
            cursor = page->next_cursor.empty() ? std::nullopt : std::optional(page->next_cursor);
        }
        AppendLineItems(node, std::move(more));
        return {};
    }

    ShopifyContext context_;
    int max_cost_;
    int order_node_cost_;
    int line_page_size_;
    int max_orders_first_ = 250;
    ShopifyCatalogueLimits catalogue_limits_;
};

}  // namespace

ConnectorPtr MakeShopifyConnector(const ConnectorDeps& deps) {
    kit::ConnectorSettings settings("shopify", deps.settings);
    auto connector = std::make_unique<ShopifyConnector>(deps, settings);
    if (auto checked = settings.Check(); !checked) {
        return kit::MakeMisconfiguredConnector(std::move(checked.error()));
    }
    return connector;
}

}  // namespace scs
