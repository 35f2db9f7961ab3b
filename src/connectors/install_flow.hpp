#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/connection.hpp"
#include "core/headers.hpp"
#include "core/result.hpp"
#include "net/query_string.hpp"

// One platform's way of connecting a store from the seller's browser (DESIGN §7, §8): start with
// a 302 to the platform's grant screen, finish with the platform's callback. The generic install
// routes (api/install_api) own the parts every platform shares: who may start, the single-use
// nonce that ties the callback to the seller, and the store-connection grant. Only core types
// cross this line.
namespace scs {

// An install request or a platform callback as the routes received it. Borrowed.
struct InstallRequest {
    const QueryParams& query;    // decoded query string
    std::string_view raw_query;  // as sent, for signatures over the query
    std::string_view body;       // the callback's body (a POST callback), else empty
};

// Where the grant screen sends the browser and the platform its callback.
struct InstallUrls {
    std::string nonce;         // single use; the platform hands it back in the callback
    std::string callback_url;  // this service's finish route for the platform
    std::string return_url;    // where the browser lands afterwards (platforms that take one)
};

// What a callback carried, checked as far as it can be without the nonce.
struct InstallCallback {
    std::string nonce;
    // The store the callback speaks for, normalised; "" when the callback does not say (the
    // nonce's store is used).
    std::string store_id;
    std::string code;         // an OAuth authorisation code, exchanged by Complete
    Credentials credentials;  // credentials the callback carried itself (WooCommerce's keys)
};

// The credentials an install grants, written over the connection's current ones (a reinstall
// keeps fields the grant does not manage, such as a webhook secret).
struct InstallGrant {
    Credentials set;
    std::vector<std::string> clear;  // removed first: a previous grant's fields this one lacks
};

// Built once per process by the registry; thread-safe.
class InstallFlow {
public:
    virtual ~InstallFlow() = default;

    // The finish route under /api/v1/sales_channels/{tag}/: "GET oauth/callback" for OAuth.
    struct Route {
        std::string method;
        std::string path;
    };

    [[nodiscard]] virtual Route FinishRoute() const = 0;

    // How long a started install may take before its nonce expires.
    [[nodiscard]] virtual std::chrono::minutes NonceLifetime() const = 0;

    // The store an install is for, from the start request's query, normalised and checked (a
    // start the platform signed is verified). kNotImplemented when the platform's app is not
    // configured; kBadRequest naming the query field.
    [[nodiscard]] virtual Result<std::string> StartStore(const InstallRequest& request) const = 0;

    // The grant screen's URL for `store_id`.
    [[nodiscard]] virtual std::string AuthorizeUrl(const std::string& store_id,
                                                   const InstallUrls& urls) const = 0;

    // Reads and verifies a callback (signature, timestamp, required fields). kOAuth or
    // kBadRequest when it must be refused; nothing has been spent yet.
    [[nodiscard]] virtual Result<InstallCallback> ReadCallback(
        const InstallRequest& request) const = 0;

    // After the nonce was spent: the credentials to keep for `store_id` (a code exchanged for
    // tokens; keys checked against the store).
    [[nodiscard]] virtual Result<InstallGrant> Complete(const std::string& seller_id,
                                                        const std::string& store_id,
                                                        const InstallCallback& callback) const = 0;

    // The landing page's verdict for the browser's return query (true: access was granted);
    // nullopt where the platform returns the browser elsewhere (no landing page: 404).
    [[nodiscard]] virtual std::optional<bool> Granted(const QueryParams& query) const = 0;
};

}  // namespace scs
