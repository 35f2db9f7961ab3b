#include "woocommerce_test_support.hpp"

#include <algorithm>
#include <chrono>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace scs::testing {

namespace json = boost::json;

std::string Rfc3986(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out += fmt::format("%{:02X}", c);
        }
    }
    return out;
}

std::string BasicAuthorization(const std::string& user, const std::string& password) {
    return "Basic " + Base64Encode(user + ":" + password);
}

WooSiteInfo CreateWooSite(const SandboxFixture& sandbox, json::object spec) {
    spec["platform"] = "woocommerce";
    auto created = sandbox.Call("POST", "/_sandbox/stores", json::serialize(spec));
    EXPECT_EQ(created.status, 201) << created.raw.body;
    WooSiteInfo info;
    if (!created.body.is_object()) {
        return info;
    }
    const auto& body = created.body.as_object();
    info.id = std::string(body.at("id").as_string());
    info.site = std::string(body.at("site").as_string());
    info.base_url = std::string(body.at("base_url").as_string());
    info.consumer_key = std::string(body.at("consumer_key").as_string());
    info.consumer_secret = std::string(body.at("consumer_secret").as_string());
    return info;
}

JsonResult Control(const SandboxFixture& sandbox,
                   const WooSiteInfo& site,
                   const std::string& method,
                   const std::string& suffix,
                   const std::string& body) {
    return sandbox.Call(method, "/_sandbox/stores/" + site.id + suffix, body);
}

WooClient::WooClient(const SandboxFixture& sandbox, WooSiteInfo site, WooAuth auth)
    : sandbox_(sandbox), site_(std::move(site)), auth_(auth) {}

void WooClient::SetKeys(std::string consumer_key, std::string consumer_secret) {
    site_.consumer_key = std::move(consumer_key);
    site_.consumer_secret = std::move(consumer_secret);
}

// Standard OAuth 1.0a signing of the query's plain parameters plus the oauth_* ones.
std::string WooClient::SignedTarget(const std::string& method, const std::string& path) const {
    const std::string local_path = "/woocommerce/" + site_.site + "/wp-json";
    const size_t question = path.find('?');
    const std::string route = path.substr(0, question);
    std::vector<std::pair<std::string, std::string>> params;
    if (question != std::string::npos) {
        for (const auto& [name, value] : QueryParams(path)) {
            params.emplace_back(name, value);
        }
    }
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
    params.emplace_back("oauth_consumer_key", site_.consumer_key);
    params.emplace_back("oauth_nonce", RandomToken(16));
    params.emplace_back("oauth_signature_method", "HMAC-SHA256");
    params.emplace_back("oauth_timestamp", std::to_string(seconds));
    std::vector<std::pair<std::string, std::string>> encoded;
    encoded.reserve(params.size());
    for (const auto& [name, value] : params) {
        encoded.emplace_back(Rfc3986(name), Rfc3986(value));
    }
    std::sort(encoded.begin(), encoded.end());
    std::string normalized;
    for (const auto& [name, value] : encoded) {
        normalized += normalized.empty() ? "" : "&";
        normalized += name;
        normalized += "=";
        normalized += value;
    }
    const std::string url = site_.base_url + "/wp-json" + route;
    const std::string base = method + "&" + Rfc3986(url) + "&" + Rfc3986(normalized);
    const std::string signature = Base64Encode(HmacSha256(site_.consumer_secret + "&", base));
    return local_path + route + "?" + normalized + "&oauth_signature=" + Rfc3986(signature);
}

JsonResult WooClient::Call(const std::string& method,
                           const std::string& path,
                           const std::string& body,
                           std::vector<std::pair<std::string, std::string>> headers) const {
    std::string target = "/woocommerce/" + site_.site + "/wp-json" + path;
    if (auth_ == WooAuth::kOAuth) {
        target = SignedTarget(method, path);
    } else if (auth_ == WooAuth::kBasic) {
        headers.emplace_back("Authorization",
                             BasicAuthorization(site_.consumer_key, site_.consumer_secret));
    } else if (auth_ == WooAuth::kQuery) {
        target += (path.find('?') == std::string::npos ? "?" : "&") + std::string("consumer_key=") +
                  site_.consumer_key + "&consumer_secret=" + site_.consumer_secret;
    }
    return sandbox_.Call(method, target, body, headers);
}

}  // namespace scs::testing
