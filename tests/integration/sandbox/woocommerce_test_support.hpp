#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "sandbox_test_support.hpp"

// Helpers of the WooCommerce sandbox integration tests: a site created through the control API
// and a REST client that signs its calls the way WooCommerce clients do (OAuth 1.0a HMAC-SHA256
// in the query string over plain HTTP, HTTP Basic on an "SSL" site). The OAuth signer here is
// written independently of the sandbox's verifier, so the two must agree.
namespace scs::testing {

struct WooSiteInfo {
    std::string id;
    std::string site;
    std::string base_url;  // "http://127.0.0.1:PORT/woocommerce/<site>"
    std::string consumer_key;
    std::string consumer_secret;
};

// POST /_sandbox/stores with "platform":"woocommerce" plus `spec`.
WooSiteInfo CreateWooSite(const SandboxFixture& sandbox, boost::json::object spec);

enum class WooAuth { kOAuth, kBasic, kQuery, kNone };

class WooClient {
public:
    WooClient(const SandboxFixture& sandbox, WooSiteInfo site, WooAuth auth = WooAuth::kOAuth);

    // A REST call: `path` is below /wp-json (e.g. "/wc/v3/orders?per_page=5").
    JsonResult Call(const std::string& method,
                    const std::string& path,
                    const std::string& body = {},
                    std::vector<std::pair<std::string, std::string>> headers = {}) const;

    JsonResult Get(const std::string& path) const { return Call("GET", path); }

    // The target Call would send: the path with the OAuth query parameters added.
    std::string SignedTarget(const std::string& method, const std::string& path) const;

    void SetKeys(std::string consumer_key, std::string consumer_secret);

    const WooSiteInfo& Site() const { return site_; }

private:
    const SandboxFixture& sandbox_;
    WooSiteInfo site_;
    WooAuth auth_;
};

// A control-API call against the site's store id: "/orders", "/knobs", …
JsonResult Control(const SandboxFixture& sandbox,
                   const WooSiteInfo& site,
                   const std::string& method,
                   const std::string& suffix,
                   const std::string& body = {});

// RFC 3986 percent-encoding (unreserved characters kept).
std::string Rfc3986(const std::string& text);

// HTTP Basic credentials.
std::string BasicAuthorization(const std::string& user, const std::string& password);

}  // namespace scs::testing
