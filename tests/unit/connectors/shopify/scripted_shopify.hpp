#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "connectors/shopify/shopify_connector.hpp"
#include "net/http_client.hpp"
#include "support/scripted_http_client.hpp"

namespace scs::testing {

// The shared scripted client with Shopify's GraphQL answers and request readers.
class ScriptedShopifyHttp final : public ScriptedHttpClient {
public:
    // A 200 answer carrying `data` (JSON text) and a cost extension.
    void AddData(const std::string& data) {
        Add(200,
            R"({"data":)" + data +
                R"(,"extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":10,)"
                R"("throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1990.0,)"
                R"("restoreRate":100.0}}}})");
    }

    void AddRaw(int status, std::string body) { Add(status, std::move(body)); }

    // The parsed JSON body of request `index`.
    boost::json::object Body(size_t index) const {
        return boost::json::parse(requests.at(index).body).as_object();
    }

    boost::json::object Variables(size_t index) const {
        return Body(index).at("variables").as_object();
    }

    std::string Query(size_t index) const {
        return std::string(Body(index).at("query").as_string());
    }
};

// A connector over a ScriptedShopifyHttp whose sleeps are recorded, and a session for
// demo.myshopify.com with a non-expiring token.
class ScriptedShopify {
public:
    ScriptedShopify() {
        ConnectorDeps deps;
        deps.base_url = "http://shop.test/{shop}";
        deps.http = http;
        deps.sleep = [this](std::chrono::milliseconds wait) {
            slept.push_back(wait);
        };
        connector = MakeShopifyConnector(deps);
        session.connection.id = 7;
        session.connection.store_id = "demo.myshopify.com";
        session.credentials = {{"access_token", "at1"}};
    }

    std::shared_ptr<ScriptedShopifyHttp> http = std::make_shared<ScriptedShopifyHttp>();
    std::vector<std::chrono::milliseconds> slept;
    ConnectorPtr connector;
    ConnectorSession session;
};

}  // namespace scs::testing
