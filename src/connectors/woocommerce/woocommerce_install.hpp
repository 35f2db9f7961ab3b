#pragma once

#include <string>

#include "connectors/connector_registry.hpp"
#include "connectors/install_flow.hpp"

namespace scs {

// WooCommerce's key exchange (platforms doc B1.2), the way to connect a store without copying
// keys by hand, as the generic install routes drive it: the start takes `store_url`, checked like
// the connections API checks a site URL (https, public address; errors name "store_url"); the
// grant screen is the site's /wc-auth/v1/authorize with scope read_write, user_id = the nonce,
// return_url (the caller's, else the landing page) and callback_url = the finish route
// (POST keys). The site posts {key_id, user_id, consumer_key, consumer_secret, key_permissions};
// read_write is required, and Complete checks the keys against the site. Only a 200 keeps the
// key on the site's side, so every refusal is a 4xx and the site deletes the key it made. The
// landing page reads `success=1`. Thread-safe.
class WooCommerceInstall final : public InstallFlow {
public:
    // `deps` builds the connector that checks the keys.
    explicit WooCommerceInstall(ConnectorDeps deps) : deps_(std::move(deps)) {}

    [[nodiscard]] Route FinishRoute() const override { return {"POST", "keys"}; }

    [[nodiscard]] std::chrono::minutes NonceLifetime() const override;
    [[nodiscard]] Result<std::string> StartStore(const InstallRequest& request) const override;
    [[nodiscard]] std::string AuthorizeUrl(const std::string& store_id,
                                           const InstallUrls& urls) const override;
    [[nodiscard]] Result<InstallCallback> ReadCallback(
        const InstallRequest& request) const override;
    [[nodiscard]] Result<InstallGrant> Complete(const std::string& seller_id,
                                                const std::string& store_id,
                                                const InstallCallback& callback) const override;
    [[nodiscard]] std::optional<bool> Granted(const QueryParams& query) const override;

private:
    ConnectorDeps deps_;
};

}  // namespace scs
