#include "api/store_identity.hpp"

#include <algorithm>
#include <cctype>

#include <boost/url/parse.hpp>

#include "net/address_policy.hpp"

namespace scs {
namespace {

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) {
        return static_cast<char>(std::tolower(ch));
    });
    return text;
}

bool AllOf(const std::string& text, int (*predicate)(int)) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [predicate](unsigned char ch) {
        return predicate(ch) != 0;
    });
}

// "https://shop.myshopify.com/" and "SHOP.myshopify.com" both become "shop.myshopify.com".
Result<std::string> NormalizeShopDomain(std::string domain) {
    domain = Lower(std::move(domain));
    for (const std::string_view scheme : {"https://", "http://"}) {
        if (domain.rfind(scheme, 0) == 0) {
            domain.erase(0, scheme.size());
        }
    }
    while (!domain.empty() && domain.back() == '/') {
        domain.pop_back();
    }
    constexpr std::string_view kSuffix = ".myshopify.com";
    const bool has_suffix =
        domain.size() > kSuffix.size() &&
        domain.compare(domain.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
    const std::string name = has_suffix ? domain.substr(0, domain.size() - kSuffix.size()) : "";
    const bool valid_name = !name.empty() &&
                            std::isalnum(static_cast<unsigned char>(name[0])) != 0 &&
                            std::all_of(name.begin(), name.end(), [](unsigned char ch) {
                                return std::isalnum(ch) != 0 || ch == '-';
                            });
    if (!valid_name) {
        return FailField("store_id", "store_id: expected a shop domain like my-shop.myshopify.com");
    }
    return domain;
}

Result<std::string> NormalizeSiteUrl(const std::string& text, const StoreIdentityRules& rules) {
    auto parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed || parsed->host().empty()) {
        return FailField("store_id",
                         "store_id: expected the site URL, like https://shop.example.com");
    }
    const std::string scheme = Lower(std::string(parsed->scheme()));
    if (scheme != "https" && !(scheme == "http" && rules.allow_plain_http)) {
        return FailField("store_id", "store_id: the site URL must use https");
    }
    if (parsed->has_query() || parsed->has_fragment() || parsed->has_userinfo()) {
        return FailField("store_id",
                         "store_id: the site URL must not carry a query, fragment or user");
    }
    std::string path(parsed->encoded_path());
    while (!path.empty() && path.back() == '/') {
        path.pop_back();
    }
    std::string out = scheme + "://" + Lower(std::string(parsed->encoded_host()));
    if (parsed->has_port()) {
        out += ":" + std::string(parsed->port());
    }
    return out + path;
}

}  // namespace

Result<std::string> NormalizeStoreId(const PlatformInfo& platform,
                                     const std::string& store_id,
                                     const StoreIdentityRules& rules) {
    if (store_id.empty()) {
        return FailField("store_id", "store_id: required (the " + platform.store_id_field + ")");
    }
    if (platform.tag == "shopify") {
        return NormalizeShopDomain(store_id);
    }
    if (platform.tag == "woocommerce") {
        return NormalizeSiteUrl(store_id, rules);
    }
    if (platform.tag == "amazon") {
        if (!AllOf(store_id, isalnum) || store_id.size() > 32) {
            return FailField("store_id",
                             "store_id: expected the selling partner id, like A2EUQ1WTGCTBG2");
        }
        return store_id;
    }
    if (!AllOf(store_id, isalnum) || store_id.size() > 64) {
        return FailField(
            "store_id",
            "store_id: expected the " + platform.store_id_field + " (letters and digits)");
    }
    return store_id;
}

Status CheckStoreHostIsPublic(const PlatformInfo& platform,
                              const std::string& store_id,
                              const StoreIdentityRules& rules) {
    if (platform.tag != "woocommerce" || rules.allow_private_addresses) {
        return {};
    }
    auto parsed = boost::urls::parse_absolute_uri(store_id);
    if (!parsed) {
        return FailField("store_id",
                         "store_id: expected the site URL, like https://shop.example.com");
    }
    auto resolved = ResolvePublicHost(std::string(parsed->encoded_host()), "store_id");
    if (!resolved) {
        return tl::unexpected(std::move(resolved.error()));
    }
    return {};
}

Result<std::vector<std::string>> NormalizeMarketplaces(const PlatformInfo& platform,
                                                       std::vector<std::string> marketplaces) {
    if (!platform.needs_marketplaces) {
        if (!marketplaces.empty()) {
            return FailField("marketplaces", "marketplaces: " + platform.name + " has none");
        }
        return marketplaces;
    }
    if (marketplaces.empty()) {
        return FailField("marketplaces",
                         "marketplaces: at least one is required for " + platform.name);
    }
    for (auto& marketplace : marketplaces) {
        const bool noon = platform.tag == "noon";
        if (noon) {
            marketplace = Lower(marketplace);
        }
        const bool ok = noon ? (marketplace.size() == 2 && AllOf(marketplace, isalpha))
                             : (marketplace.size() >= 10 && marketplace.size() <= 16 &&
                                AllOf(marketplace, isalnum));
        if (!ok) {
            return FailField("marketplaces",
                             "marketplaces: '" + marketplace + "' is not a " +
                                 (noon ? "country code like sa" : "marketplace id"));
        }
    }
    std::sort(marketplaces.begin(), marketplaces.end());
    marketplaces.erase(std::unique(marketplaces.begin(), marketplaces.end()), marketplaces.end());
    return marketplaces;
}

}  // namespace scs
