#include "sandbox/shopify/store_spec.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "sandbox/generator/generator_spec.hpp"
#include "sandbox/kit/spec_reader.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

constexpr int64_t kMaxSeededOrders = 100'000;
constexpr size_t kMaxLocations = 20;

// A shop handle: a letter or digit, then letters, digits, '-' and '_'.
bool IsShopLabel(std::string_view label) {
    if (label.empty() || std::isalnum(static_cast<unsigned char>(label.front())) == 0) {
        return false;
    }
    return std::all_of(label.begin(), label.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
}

// The shop-domain rule of Shopify's own libraries (platform notes A1.3).
bool IsShopDomain(std::string_view shop) {
    for (std::string_view suffix :
         {".myshopify.com", ".shopify.com", ".myshopify.io", ".shop.dev"}) {
        if (shop.size() > suffix.size() && shop.substr(shop.size() - suffix.size()) == suffix) {
            return IsShopLabel(shop.substr(0, shop.size() - suffix.size()));
        }
    }
    return false;
}

Status ReadPlan(const json::object& body, StoreSpec& spec) {
    std::string plan = "standard";
    if (auto read = ReadText(body, "plan", plan); !read) {
        return read;
    }
    if (plan == "plus") {
        spec.bucket_size = 20'000;
        spec.restore_rate = 1'000;
    } else if (plan != "standard") {
        return FailField("plan", R"(must be "standard" or "plus")");
    }
    for (auto status : {ReadNumber(body, "bucket_size", 1, 1e7, spec.bucket_size),
                        ReadNumber(body, "restore_rate", 0.001, 1e6, spec.restore_rate)}) {
        if (!status) {
            return status;
        }
    }
    auto max_cost = static_cast<double>(spec.max_query_cost);
    if (auto read = ReadNumber(body, "max_query_cost", 1, 1e7, max_cost); !read) {
        return read;
    }
    spec.max_query_cost = static_cast<int64_t>(max_cost);
    return {};
}

Status ReadGenerator(const json::object& body, StoreSpec& spec, TimePoint now) {
    if (auto read = FirstFailure({ReadNumber(body, "orders", 0, kMaxSeededOrders, spec.orders),
                                  ReadFlag(body, "big_ids", spec.generator.big_ids),
                                  ReadGeneratorSettings(body, now, spec.generator)});
        !read) {
        return read;
    }
    spec.currency = spec.generator.currency;
    return {};
}

Status ReadIdentity(const json::object& body, StoreSpec& spec) {
    for (auto status : {ReadText(body, "platform", spec.platform),
                        ReadText(body, "shop", spec.shop),
                        ReadText(body, "access_token", spec.access_token),
                        ReadText(body, "webhook_secret", spec.webhook_secret),
                        ReadText(body, "client_id", spec.client_id),
                        ReadText(body, "client_secret", spec.client_secret)}) {
        if (!status) {
            return status;
        }
    }
    if (spec.platform != "shopify") {
        return FailField("platform", "the sandbox emulates \"shopify\" only");
    }
    if (!IsShopDomain(spec.shop)) {
        return FailField("shop", "must be a shop domain such as demo.myshopify.com");
    }
    if (spec.client_id.empty() != spec.client_secret.empty()) {
        return FailField("client_secret", "client_id and client_secret go together");
    }
    if (spec.access_token.empty() && spec.client_id.empty()) {
        return FailField("access_token", "give an access_token or OAuth client credentials");
    }
    if (spec.webhook_secret.empty() && spec.client_secret.empty()) {
        return FailField("webhook_secret", "required to sign webhooks");
    }
    return {};
}

Status ReadCatalogue(const json::object& body, StoreSpec& spec) {
    if (const auto* locations = body.if_contains("locations"); locations != nullptr) {
        const auto* list = locations->if_array();
        if (list == nullptr || list->empty() || list->size() > kMaxLocations) {
            return FailField("locations", "must be a list of 1 to 20 location names");
        }
        spec.locations.clear();
        for (const auto& name : *list) {
            if (!name.is_string() || name.get_string().empty()) {
                return FailField("locations", "every location name must be a non-empty string");
            }
            spec.locations.emplace_back(name.get_string());
        }
    }
    auto stock = static_cast<double>(spec.initial_stock);
    for (auto status : {ReadNumber(body, "initial_stock", 0, 1e9, stock),
                        ReadFlag(body, "stock_all_locations", spec.stock_all_locations)}) {
        if (!status) {
            return status;
        }
    }
    spec.initial_stock = static_cast<int64_t>(stock);
    return {};
}

}  // namespace

Result<StoreSpec> ParseStoreSpec(const json::object& body, TimePoint now) {
    StoreSpec spec;
    for (auto status : {ReadIdentity(body, spec),
                        ReadPlan(body, spec),
                        ReadGenerator(body, spec, now),
                        ReadCatalogue(body, spec)}) {
        if (!status) {
            return tl::unexpected(status.error());
        }
    }
    return spec;
}

Status ApplyKnobs(const json::object& body, StoreKnobs& knobs) {
    StoreKnobs next = knobs;
    const auto* drop = body.if_contains("drop_webhooks");
    if (drop != nullptr && drop->is_bool()) {
        next.drop_rate = drop->get_bool() ? 1.0 : 0.0;
    } else if (auto read = ReadNumber(body, "drop_webhooks", 0, 1, next.drop_rate); !read) {
        return read;
    }
    double throttle = next.throttle_status;
    double latency = next.latency_ms;
    double cancel_job = next.cancel_job_ms;
    double answer_delay = next.answer_delay_ms;
    for (auto status : {ReadFlag(body, "duplicate_webhooks", next.duplicate_webhooks),
                        ReadFlag(body, "out_of_order_webhooks", next.out_of_order_webhooks),
                        ReadFlag(body, "malformed_json", next.malformed_json),
                        ReadNumber(body, "throttle_status", 200, 429, throttle),
                        ReadNumber(body, "error_rate", 0, 1, next.error_rate),
                        ReadNumber(body, "latency_ms", 0, 60'000, latency),
                        ReadNumber(body, "cancel_job_ms", 0, 600'000, cancel_job),
                        ReadNumber(body, "answer_delay_ms", 0, 60'000, answer_delay),
                        ReadText(body, "oauth_tamper", next.oauth_tamper)}) {
        if (!status) {
            return status;
        }
    }
    if (throttle != 200 && throttle != 429) {
        return FailField("throttle_status", "must be 200 or 429");
    }
    const std::string& tamper = next.oauth_tamper;
    if (!tamper.empty() && tamper != "hmac" && tamper != "shop" && tamper != "timestamp") {
        return FailField("oauth_tamper", R"(must be "", "hmac", "shop" or "timestamp")");
    }
    next.throttle_status = static_cast<int>(throttle);
    next.latency_ms = static_cast<int>(latency);
    next.cancel_job_ms = static_cast<int>(cancel_job);
    next.answer_delay_ms = static_cast<int>(answer_delay);
    knobs = next;
    return {};
}

json::object KnobsToJson(const StoreKnobs& knobs) {
    return {{"duplicate_webhooks", knobs.duplicate_webhooks},
            {"out_of_order_webhooks", knobs.out_of_order_webhooks},
            {"drop_webhooks", knobs.drop_rate},
            {"throttle_status", knobs.throttle_status},
            {"error_rate", knobs.error_rate},
            {"latency_ms", knobs.latency_ms},
            {"oauth_tamper", knobs.oauth_tamper},
            {"cancel_job_ms", knobs.cancel_job_ms},
            {"answer_delay_ms", knobs.answer_delay_ms},
            {"malformed_json", knobs.malformed_json}};
}

}  // namespace scs::sandbox
