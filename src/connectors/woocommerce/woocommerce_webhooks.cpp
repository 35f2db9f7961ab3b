#include "connectors/woocommerce/woocommerce_webhooks.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "security/crypto.hpp"

namespace scs {
namespace {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

bool NameEquals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

const std::string* Find(const HeaderList& headers, std::string_view name) {
    for (const auto& [key, value] : headers) {
        if (NameEquals(key, name)) {
            return &value;
        }
    }
    return nullptr;
}

struct HeaderField {
    std::string_view name;
    std::string WooCommerceWebhookHeaders::*field;
    bool required;
};

constexpr std::array<HeaderField, 7> kHeaderFields{{
    {"X-WC-Webhook-Topic", &WooCommerceWebhookHeaders::topic, true},
    {"X-WC-Webhook-Signature", &WooCommerceWebhookHeaders::signature, true},
    {"X-WC-Webhook-Source", &WooCommerceWebhookHeaders::source, true},
    {"X-WC-Webhook-ID", &WooCommerceWebhookHeaders::webhook_id, true},
    {"X-WC-Webhook-Resource", &WooCommerceWebhookHeaders::resource, false},
    {"X-WC-Webhook-Event", &WooCommerceWebhookHeaders::event, false},
    {"X-WC-Webhook-Delivery-ID", &WooCommerceWebhookHeaders::delivery_id, false},
}};

std::string Lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return out;
}

bool AllDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isdigit(c) != 0;
    });
}

}  // namespace

Result<WooCommerceWebhookHeaders> ReadWooCommerceWebhookHeaders(const HeaderList& headers) {
    WooCommerceWebhookHeaders read;
    for (const HeaderField& header : kHeaderFields) {
        const std::string* value = Find(headers, header.name);
        if (value != nullptr && !value->empty()) {
            read.*header.field = *value;
        } else if (header.required) {
            return FailField(std::string(header.name), "missing webhook header");
        }
    }
    return read;
}

bool VerifyWooCommerceWebhook(std::string_view raw_body,
                              std::string_view signature,
                              std::string_view secret) {
    if (secret.empty() || signature.empty()) {
        return false;
    }
    const std::string expected = Base64Encode(HmacSha256(secret, raw_body));
    return ConstantTimeEquals(expected, signature);
}

bool IsWooCommercePing(const HeaderList& headers, std::string_view raw_body) {
    if (Find(headers, "X-WC-Webhook-Topic") != nullptr) {
        return false;
    }
    constexpr std::string_view kPrefix = "webhook_id=";
    return raw_body.substr(0, kPrefix.size()) == kPrefix &&
           AllDigits(raw_body.substr(kPrefix.size()));
}

std::string WooCommerceDedupKey(const WooCommerceWebhookHeaders& headers,
                                std::string_view raw_body) {
    std::string content = headers.webhook_id;
    content += '\n';
    content += headers.topic;
    content += '\n';
    content += raw_body;
    return HexEncode(Sha256(content));
}

std::string WooCommerceSourceStoreId(std::string_view source_header) {
    const size_t scheme_end = source_header.find("://");
    if (scheme_end == std::string_view::npos) {
        return "";
    }
    const std::string scheme = Lower(source_header.substr(0, scheme_end));
    std::string_view rest = source_header.substr(scheme_end + 3);
    const size_t path_start = std::min(rest.find('/'), rest.size());
    const std::string_view authority = rest.substr(0, path_start);
    std::string_view path = rest.substr(path_start);
    const bool url_ok = scheme == "https" || scheme == "http";
    if (!url_ok || authority.empty() || authority.front() == ':' ||
        authority.find_first_of("@?#") != std::string_view::npos ||
        path.find_first_of("?#") != std::string_view::npos) {
        return "";
    }
    while (!path.empty() && path.back() == '/') {
        path.remove_suffix(1);
    }
    return scheme + "://" + Lower(authority) + std::string(path);
}

}  // namespace scs
