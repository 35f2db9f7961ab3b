#pragma once

#include <cstdint>
#include <string>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/generator/order_generator.hpp"

// What a WooCommerce sandbox site is created with, and the knobs tests flip at run time. Plain
// data plus their JSON readers; pure, thread-safe.
namespace scs::sandbox::woocommerce {

struct SiteSpec {
    std::string site;                        // "demo-woo": the site lives at /woocommerce/<site>
    std::string consumer_key;                // "ck_" + 40 hex; generated when absent
    std::string consumer_secret;             // "cs_" + 40 hex; generated when absent
    std::string permissions = "read_write";  // of that key: read | write | read_write
    bool ssl = false;                        // is_ssl(): Basic/query auth; else OAuth 1.0a only
    bool shipment_tracking = false;          // the Shipment Tracking extension's routes
    bool allow_http_callback = false;        // key exchange accepts an http:// callback_url
    std::string timezone = "+03:00";  // the site's UTC offset: local dates are rendered in it
    int utc_offset_minutes = 180;
    std::string currency;  // "" = each generated order draws its market; products in SAR
    int64_t orders = 0;    // generated at creation
    int64_t products = 0;  // extra simple products beyond the generator's catalogue
    int64_t initial_stock = 20;
    GeneratorSettings generator;
};

// Reads the body of POST /_sandbox/stores for "platform":"woocommerce". kBadRequest naming the
// field on invalid input. Missing keys are generated.
[[nodiscard]] Result<SiteSpec> ParseSiteSpec(const boost::json::object& body, TimePoint now);

struct SiteKnobs {
    double error_rate = 0;  // share of REST requests answered 500
    int latency_ms = 0;     // added before every REST answer
    // Host WAF (B7): "" off, "429" or "503". Lets rate_limit_remaining_ok requests through, then
    // refuses every rate_limit_every-th request; after rate_limit_count refusals (0 = no end)
    // it switches itself off.
    std::string rate_limit;
    int64_t rate_limit_remaining_ok = 0;
    int64_t rate_limit_count = 0;
    int64_t rate_limit_every = 1;
    int retry_after = -1;                   // seconds for Retry-After on faults; -1 = no header
    bool html_errors = false;               // fault bodies (429/503/500) as HTML pages
    bool strip_authorization = false;       // the host drops the Authorization header
    bool malformed_json = false;            // list answers cut short
    bool duplicate_webhooks = false;        // created + updated, and every delivery twice
    double drop_rate = 0;                   // share of deliveries skipped (logged "dropped")
    int webhook_delay_ms = 0;               // queued deliveries wait this long (Action Scheduler)
    bool same_second_delivery_ids = false;  // every delivery of a webhook shares one Delivery-ID
    std::string auth_grant = "grant";       // key exchange: "grant" or "deny"
};

// Applies the fields present in `body` (PATCH semantics). kBadRequest naming the field.
[[nodiscard]] Status ApplySiteKnobs(const boost::json::object& body, SiteKnobs& knobs);

boost::json::object SiteKnobsToJson(const SiteKnobs& knobs);

// "ck_"/"cs_" + 40 random hex characters, as wc_rand_hash() makes them.
std::string NewKey(const std::string& prefix);

}  // namespace scs::sandbox::woocommerce
