#include "connectors/shopify/shopify_install.hpp"

namespace scs {

std::chrono::minutes ShopifyInstall::NonceLifetime() const {
    return std::chrono::minutes(10);
}

Result<std::string> ShopifyInstall::StartStore(const InstallRequest& request) const {
    auto shop = NormalizeShopDomain(FindParam(request.query, "shop").value_or(""));
    if (!shop) {
        return shop;
    }
    if (!Configured()) {
        return Fail(ErrorCode::kNotImplemented,
                    "the Shopify app is not configured (platforms.shopify.client_id, "
                    "platforms.shopify.client_secret)");
    }
    if (FindParam(request.query, "hmac").has_value()) {
        // An install that Shopify started: its query is signed like the callback.
        if (auto verified = VerifyShopifyQueryHmac(
                DecodeQueryString(request.raw_query), app_.client_secret, clock_.Now());
            !verified) {
            return tl::unexpected(std::move(verified.error()));
        }
    }
    return shop;
}

std::string ShopifyInstall::AuthorizeUrl(const std::string& store_id,
                                         const InstallUrls& urls) const {
    return ShopifyAuthorizeUrl(
        app_, ShopifyShopUrl(shop_url_template_, store_id), urls.callback_url, urls.nonce);
}

Result<InstallCallback> ShopifyInstall::ReadCallback(const InstallRequest& request) const {
    if (app_.client_secret.empty()) {
        return Fail(ErrorCode::kNotImplemented, "the Shopify app is not configured");
    }
    const auto params = DecodeQueryString(request.raw_query);
    if (auto verified = VerifyShopifyQueryHmac(params, app_.client_secret, clock_.Now());
        !verified) {
        return tl::unexpected(std::move(verified.error()));
    }
    auto shop = NormalizeShopDomain(FindParam(params, "shop").value_or(""));
    if (!shop) {
        return Fail(ErrorCode::kOAuth, "the callback's shop is not a Shopify shop domain");
    }
    InstallCallback callback;
    callback.nonce = FindParam(params, "state").value_or("");
    callback.store_id = std::move(*shop);
    callback.code = FindParam(params, "code").value_or("");
    return callback;
}

Result<InstallGrant> ShopifyInstall::Complete(const std::string& /*seller_id*/,
                                              const std::string& store_id,
                                              const InstallCallback& callback) const {
    auto grant = ExchangeShopifyCode(
        *http_, app_, ShopifyShopUrl(shop_url_template_, store_id), callback.code, clock_.Now());
    if (!grant) {
        return tl::unexpected(std::move(grant.error()));
    }
    InstallGrant out;
    ApplyShopifyGrant(*grant, out.set);
    // A reinstall's grant replaces the old token's refresh fields, even when it lacks them.
    out.clear = {"refresh_token", "expires_at", "refresh_token_expires_at"};
    return out;
}

std::optional<bool> ShopifyInstall::Granted(const QueryParams& /*query*/) const {
    // Shopify sends the browser to the callback itself: there is no landing page.
    return std::nullopt;
}

}  // namespace scs
