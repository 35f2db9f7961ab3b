#include "sandbox/woocommerce/site_spec.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "sandbox/generator/generator_spec.hpp"
#include "sandbox/kit/spec_reader.hpp"
#include "sandbox/woocommerce/wp_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

constexpr int64_t kMaxSeededOrders = 100'000;
constexpr int64_t kMaxSeededProducts = 10'000;

bool IsSiteName(std::string_view name) {
    if (name.empty() || name.size() > 63 ||
        std::isalnum(static_cast<unsigned char>(name.front())) == 0) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
}

bool IsKey(std::string_view key, std::string_view prefix) {
    return key.size() > prefix.size() && key.substr(0, prefix.size()) == prefix;
}

Status ReadIdentity(const json::object& body, SiteSpec& spec) {
    if (auto read = FirstFailure({ReadText(body, "site", spec.site),
                                  ReadText(body, "consumer_key", spec.consumer_key),
                                  ReadText(body, "consumer_secret", spec.consumer_secret),
                                  ReadText(body, "permissions", spec.permissions)});
        !read) {
        return read;
    }
    if (!IsSiteName(spec.site)) {
        return FailField("site", "must be a site name such as demo-woo (letters, digits, - and _)");
    }
    spec.consumer_key = spec.consumer_key.empty() ? NewKey("ck_") : spec.consumer_key;
    spec.consumer_secret = spec.consumer_secret.empty() ? NewKey("cs_") : spec.consumer_secret;
    if (!IsKey(spec.consumer_key, "ck_")) {
        return FailField("consumer_key", "must start with ck_");
    }
    if (!IsKey(spec.consumer_secret, "cs_")) {
        return FailField("consumer_secret", "must start with cs_");
    }
    const auto& p = spec.permissions;
    if (p != "read" && p != "write" && p != "read_write") {
        return FailField("permissions", R"(must be "read", "write" or "read_write")");
    }
    return {};
}

Status ReadOptions(const json::object& body, SiteSpec& spec) {
    if (auto read = FirstFailure({ReadFlag(body, "ssl", spec.ssl),
                                  ReadFlag(body, "shipment_tracking", spec.shipment_tracking),
                                  ReadFlag(body, "allow_http_callback", spec.allow_http_callback),
                                  ReadText(body, "timezone", spec.timezone)});
        !read) {
        return read;
    }
    const auto offset = ParseUtcOffset(spec.timezone);
    if (!offset) {
        return FailField("timezone", "must be a UTC offset such as +03:00");
    }
    spec.utc_offset_minutes = *offset;
    return {};
}

Status ReadGenerator(const json::object& body, SiteSpec& spec, TimePoint now) {
    if (auto read =
            FirstFailure({ReadNumber(body, "orders", 0, kMaxSeededOrders, spec.orders),
                          ReadNumber(body, "products", 0, kMaxSeededProducts, spec.products),
                          ReadNumber(body, "initial_stock", 0, 1e9, spec.initial_stock),
                          ReadGeneratorSettings(body, now, spec.generator)});
        !read) {
        return read;
    }
    spec.currency = spec.generator.currency;
    return {};
}

Status ReadRateLimit(const json::object& body, SiteKnobs& next) {
    if (auto read = FirstFailure(
            {ReadText(body, "rate_limit", next.rate_limit),
             ReadNumber(body, "rate_limit_remaining_ok", 0, 1e9, next.rate_limit_remaining_ok),
             ReadNumber(body, "rate_limit_count", 0, 1e9, next.rate_limit_count),
             ReadNumber(body, "rate_limit_every", 1, 1e6, next.rate_limit_every)});
        !read) {
        return read;
    }
    if (!next.rate_limit.empty() && next.rate_limit != "429" && next.rate_limit != "503") {
        return FailField("rate_limit", R"(must be "", "429" or "503")");
    }
    const auto* retry_after = body.if_contains("retry_after");
    if (retry_after != nullptr && retry_after->is_null()) {
        next.retry_after = -1;
        return {};
    }
    return ReadNumber(body, "retry_after", 0, 86'400, next.retry_after);
}

Status ReadWebhookKnobs(const json::object& body, SiteKnobs& next) {
    const auto* drop = body.if_contains("drop_webhooks");
    if (drop != nullptr && drop->is_bool()) {
        next.drop_rate = drop->get_bool() ? 1.0 : 0.0;
    } else if (auto read = ReadNumber(body, "drop_webhooks", 0, 1, next.drop_rate); !read) {
        return read;
    }
    return FirstFailure(
        {ReadFlag(body, "duplicate_webhooks", next.duplicate_webhooks),
         ReadNumber(body, "webhook_delay_ms", 0, 600'000, next.webhook_delay_ms),
         ReadFlag(body, "same_second_delivery_ids", next.same_second_delivery_ids)});
}

}  // namespace

Result<SiteSpec> ParseSiteSpec(const json::object& body, TimePoint now) {
    SiteSpec spec;
    if (auto read = FirstFailure(
            {ReadIdentity(body, spec), ReadOptions(body, spec), ReadGenerator(body, spec, now)});
        !read) {
        return tl::unexpected(read.error());
    }
    return spec;
}

Status ApplySiteKnobs(const json::object& body, SiteKnobs& knobs) {
    SiteKnobs next = knobs;
    if (auto read = FirstFailure({ReadNumber(body, "error_rate", 0, 1, next.error_rate),
                                  ReadNumber(body, "latency_ms", 0, 60'000, next.latency_ms),
                                  ReadRateLimit(body, next),
                                  ReadFlag(body, "html_errors", next.html_errors),
                                  ReadFlag(body, "strip_authorization", next.strip_authorization),
                                  ReadFlag(body, "malformed_json", next.malformed_json),
                                  ReadWebhookKnobs(body, next),
                                  ReadText(body, "auth_grant", next.auth_grant)});
        !read) {
        return read;
    }
    if (next.auth_grant != "grant" && next.auth_grant != "deny") {
        return FailField("auth_grant", R"(must be "grant" or "deny")");
    }
    knobs = next;
    return {};
}

json::object SiteKnobsToJson(const SiteKnobs& knobs) {
    return {{"error_rate", knobs.error_rate},
            {"latency_ms", knobs.latency_ms},
            {"rate_limit", knobs.rate_limit},
            {"rate_limit_remaining_ok", knobs.rate_limit_remaining_ok},
            {"rate_limit_count", knobs.rate_limit_count},
            {"rate_limit_every", knobs.rate_limit_every},
            {"retry_after", knobs.retry_after < 0 ? json::value(nullptr) : knobs.retry_after},
            {"html_errors", knobs.html_errors},
            {"strip_authorization", knobs.strip_authorization},
            {"malformed_json", knobs.malformed_json},
            {"duplicate_webhooks", knobs.duplicate_webhooks},
            {"drop_webhooks", knobs.drop_rate},
            {"webhook_delay_ms", knobs.webhook_delay_ms},
            {"same_second_delivery_ids", knobs.same_second_delivery_ids},
            {"auth_grant", knobs.auth_grant}};
}

std::string NewKey(const std::string& prefix) {
    return prefix + HexEncode(RandomBytes(20));
}

}  // namespace scs::sandbox::woocommerce
