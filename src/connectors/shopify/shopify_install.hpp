#pragma once

#include <memory>

#include "connectors/install_flow.hpp"
#include "connectors/shopify/shopify_oauth.hpp"
#include "core/time.hpp"
#include "net/http_client.hpp"

namespace scs {

// Shopify's OAuth install (platforms doc A1) as the generic install routes drive it: the start
// takes `shop` (a shop domain or admin URL) and, when Shopify itself started the install, verifies
// the query's hmac; the grant screen is the shop's /admin/oauth/authorize with the nonce as
// `state`; the callback (GET oauth/callback) must carry a valid hmac, a timestamp within 90 s and
// a shop domain; Complete exchanges the code for an expiring offline token. Thread-safe.
class ShopifyInstall final : public InstallFlow {
public:
    ShopifyInstall(
        ShopifyAppSettings app,
        std::string shop_url_template,  // platforms.shopify.base_url ("": https://{shop})
        std::shared_ptr<HttpClient> http,
        const TimeSource& clock)
        : app_(std::move(app)),
          shop_url_template_(std::move(shop_url_template)),
          http_(std::move(http)),
          clock_(clock) {}

    [[nodiscard]] Route FinishRoute() const override { return {"GET", "oauth/callback"}; }

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
    bool Configured() const { return !app_.client_id.empty() && !app_.client_secret.empty(); }

    ShopifyAppSettings app_;
    std::string shop_url_template_;
    std::shared_ptr<HttpClient> http_;
    const TimeSource& clock_;
};

}  // namespace scs
