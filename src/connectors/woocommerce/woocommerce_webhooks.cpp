#include "connectors/woocommerce/woocommerce_webhooks.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "connectors/kit/webhook_signature.hpp"
#include "connectors/woocommerce/woocommerce_mapping.hpp"
#include "core/headers.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

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

struct NumericEntity {
    bool hex;
    unsigned long code;
    char character;
};

// The numeric references wp_specialchars_decode decodes (leading zeros allowed): decimal 39, 34,
// 60, 62, 38 and hex 27, 22, 26.
constexpr std::array<NumericEntity, 8> kNumericEntities{{{false, 39, '\''},
                                                         {false, 34, '"'},
                                                         {false, 60, '<'},
                                                         {false, 62, '>'},
                                                         {false, 38, '&'},
                                                         {true, 0x27, '\''},
                                                         {true, 0x22, '"'},
                                                         {true, 0x26, '&'}}};

// The character of a numeric reference body ("039", "x27"), or 0.
char NumericEntityChar(std::string_view body) {
    const bool hex = !body.empty() && (body.front() == 'x' || body.front() == 'X');
    const std::string_view digits = hex ? body.substr(1) : body;
    unsigned long code = 0;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
        return 0;
    }
    for (const NumericEntity& entity : kNumericEntities) {
        if (entity.hex == hex && entity.code == code) {
            return entity.character;
        }
    }
    return 0;
}

// One entity at the start of `text` ("&quot;..."): its character and length, or {0, 0}.
std::pair<char, size_t> EntityAt(std::string_view text) {
    constexpr std::array<std::pair<std::string_view, char>, 4> kNamed{
        {{"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}}};
    for (const auto& [name, character] : kNamed) {
        if (text.substr(0, name.size()) == name) {
            return {character, name.size()};
        }
    }
    const size_t semicolon = text.find(';');
    if (text.substr(0, 2) != "&#" || semicolon == std::string_view::npos) {
        return {0, 0};
    }
    const char character = NumericEntityChar(text.substr(2, semicolon - 2));
    return {character, character == 0 ? 0 : semicolon + 1};
}

// WordPress's wp_specialchars_decode(text, ENT_QUOTES), which WooCommerce applies to the secret
// before it signs: one left-to-right pass, so "&amp;quot;" becomes "&quot;".
std::string DecodeSpecialChars(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t at = 0;
    while (at < text.size()) {
        const auto [character, length] =
            text[at] == '&' ? EntityAt(text.substr(at)) : std::pair<char, size_t>{0, 0};
        out += length == 0 ? text[at] : character;
        at += length == 0 ? 1 : length;
    }
    return out;
}

bool IsOrderSnapshotTopic(std::string_view topic) {
    return topic == "order.created" || topic == "order.updated" || topic == "order.restored";
}

WebhookAction Ignored(std::string note) {
    WebhookAction action;
    action.kind = WebhookAction::Kind::kIgnored;
    action.note = std::move(note);
    return action;
}

}  // namespace

Result<WooCommerceWebhookHeaders> ReadWooCommerceWebhookHeaders(const HeaderList& headers) {
    WooCommerceWebhookHeaders read;
    for (const HeaderField& header : kHeaderFields) {
        const auto value = FindHeader(headers, header.name);
        if (value && !value->empty()) {
            read.*header.field = std::string(*value);
        } else if (header.required) {
            return FailField(std::string(header.name), "missing webhook header");
        }
    }
    return read;
}

bool VerifyWooCommerceWebhook(std::string_view raw_body,
                              std::string_view signature,
                              std::string_view secret) {
    return kit::VerifyHmacSha256(
        raw_body, signature, {DecodeSpecialChars(secret)}, kit::SignatureEncoding::kBase64);
}

bool IsWooCommercePing(const HeaderList& headers, std::string_view raw_body) {
    if (FindHeader(headers, "X-WC-Webhook-Topic")) {
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

Result<WebhookDelivery> WooCommerceWebhooks::Identify(const HeaderList& headers,
                                                      std::string_view raw_body) const {
    WebhookDelivery delivery;
    // WooCommerce pings a new webhook's address once, unsigned; anything but 200 makes the
    // merchant's admin screen show an error. It carries nothing to keep.
    if (IsWooCommercePing(headers, raw_body)) {
        delivery.ping = true;
        return delivery;
    }
    auto read = ReadWooCommerceWebhookHeaders(headers);
    if (!read) {
        return tl::unexpected(std::move(read.error()));
    }
    delivery.store_id = WooCommerceSourceStoreId(read->source);
    delivery.topic = read->topic;
    delivery.dedup_key = WooCommerceDedupKey(*read, raw_body);
    delivery.headers_json = boost::json::serialize(boost::json::object{
        {"source", read->source},
        {"topic", read->topic},
        {"resource", read->resource},
        {"event", read->event},
        {"webhook_id", read->webhook_id},
        {"delivery_id", read->delivery_id},
    });
    return delivery;
}

bool WooCommerceWebhooks::Verify(const HeaderList& headers,
                                 std::string_view raw_body,
                                 const Credentials& credentials) const {
    const auto signature = FindHeader(headers, "X-WC-Webhook-Signature");
    const auto secret = credentials.find("webhook_secret");
    return signature && secret != credentials.end() &&
           VerifyWooCommerceWebhook(raw_body, *signature, secret->second);
}

Result<WebhookAction> WooCommerceWebhooks::Interpret(const StoredDelivery& delivery,
                                                     const OrderMappingContext& mapping) const {
    if (IsOrderSnapshotTopic(delivery.topic)) {
        auto order = MapWooCommerceOrder(delivery.body, mapping);
        if (!order) {
            return tl::unexpected(std::move(order.error()));
        }
        WebhookAction action;
        action.kind = WebhookAction::Kind::kOrder;
        action.order = std::move(*order);
        return action;
    }
    if (delivery.topic == "order.deleted") {
        return Ignored("order deleted on the platform; the canonical order keeps its last state");
    }
    if (delivery.topic.starts_with("product.")) {
        return Ignored("catalogue changes are read by the products sync");
    }
    return Ignored("topic " + std::string(delivery.topic) + " is not handled");
}

}  // namespace scs
