#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "connectors/woocommerce/woocommerce_auth.hpp"
#include "connectors/woocommerce/woocommerce_connector.hpp"
#include "net/http_client.hpp"
#include "state/state_store.hpp"
#include "support/memory_vault.hpp"
#include "support/scripted_http_client.hpp"

namespace scs::testing {

// The shared scripted client with WooCommerce's list pages and request readers.
class ScriptedWooHttp final : public ScriptedHttpClient {
public:
    // A list page with its X-WP-TotalPages.
    void AddPage(const boost::json::array& items, int total_pages) {
        AddJson(items,
                {{"X-WP-Total", std::to_string(items.size())},
                 {"X-WP-TotalPages", std::to_string(total_pages)}});
    }

    // The request's path (after the store URL, without the query) and its query parameters.
    std::string Path(size_t index) const {
        const std::string& url = requests.at(index).url;
        const size_t start = url.find("/wp-json");
        return url.substr(
            start, url.find('?') == std::string::npos ? std::string::npos : url.find('?') - start);
    }

    std::string Param(size_t index, const std::string& name) const {
        const std::string& url = requests.at(index).url;
        const size_t question = url.find('?');
        if (question == std::string::npos) {
            return "<absent>";
        }
        for (const auto& [key, value] : DecodeQueryString(url.substr(question + 1))) {
            if (key == name) {
                return value;
            }
        }
        return "<absent>";
    }

    boost::json::value Body(size_t index) const {
        return boost::json::parse(requests.at(index).body);
    }
};

// A clock standing still at 2026-03-01T10:00:00Z.
class StillClock final : public TimeSource {
public:
    TimePoint Now() const override { return FromUnixMillis(1772359200000); }
};

// A connector for https://shop.test over a ScriptedWooHttp, its sleeps recorded, and a
// session with a key.
class ScriptedWooCommerce {
public:
    explicit ScriptedWooCommerce(std::map<std::string, std::string> settings = {},
                                 StateStore* state = nullptr) {
        ConnectorDeps deps;
        deps.http = http;
        deps.state = state;
        deps.clock = &clock;
        deps.settings = std::move(settings);
        deps.sleep = [this](std::chrono::milliseconds wait) {
            slept.push_back(wait);
        };
        connector = MakeWooCommerceConnector(deps);
        session.connection.id = 21;
        session.connection.platform = "woocommerce";
        session.connection.store_id = "https://shop.test";
        session.credentials = {{"consumer_key", "ck_test"}, {"consumer_secret", "cs_secret_value"}};
        session.vault = &vault;
    }

    std::shared_ptr<ScriptedWooHttp> http = std::make_shared<ScriptedWooHttp>();
    StillClock clock;
    MemoryVault vault;
    std::vector<std::chrono::milliseconds> slept;
    ConnectorPtr connector;
    ConnectorSession session;
};

}  // namespace scs::testing
