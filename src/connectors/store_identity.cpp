#include "connectors/store_identity.hpp"

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

}  // namespace

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

Result<std::string> GenericStoreId(const PlatformInfo& platform, const std::string& store_id) {
    if (store_id.empty()) {
        return FailField("store_id", "store_id: required (the " + platform.store_id_field + ")");
    }
    if (!AllOf(store_id, isalnum) || store_id.size() > platform.store_id_max_length) {
        return FailField(
            "store_id",
            platform.store_id_hint.empty()
                ? "store_id: expected the " + platform.store_id_field + " (letters and digits)"
                : "store_id: expected the " + platform.store_id_hint);
    }
    return store_id;
}

Status CheckPublicSiteHost(const std::string& site_url, const StoreIdentityRules& rules) {
    if (rules.allow_private_addresses) {
        return {};
    }
    auto parsed = boost::urls::parse_absolute_uri(site_url);
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
    if (platform.marketplace_format == MarketplaceFormat::kNone) {
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
        const bool country = platform.marketplace_format == MarketplaceFormat::kCountryCode;
        if (country) {
            marketplace = Lower(marketplace);
        }
        const bool ok = country ? (marketplace.size() == 2 && AllOf(marketplace, isalpha))
                                : (marketplace.size() >= 10 && marketplace.size() <= 16 &&
                                   AllOf(marketplace, isalnum));
        if (!ok) {
            return FailField("marketplaces",
                             "marketplaces: '" + marketplace + "' is not a " +
                                 (country ? "country code like sa" : "marketplace id"));
        }
    }
    std::sort(marketplaces.begin(), marketplaces.end());
    marketplaces.erase(std::unique(marketplaces.begin(), marketplaces.end()), marketplaces.end());
    return marketplaces;
}

}  // namespace scs
