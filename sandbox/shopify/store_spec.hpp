#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/generator/order_generator.hpp"

// What a sandbox store is created with, and the behaviour knobs tests flip at run time. Plain
// data plus their JSON readers; pure, thread-safe.
namespace scs::sandbox {

struct StoreSpec {
    std::string platform = "shopify";
    std::string shop;            // "demo.myshopify.com"
    std::string access_token;    // a custom-app token that never expires; may be empty
    std::string webhook_secret;  // signs webhooks unless the store is an OAuth app
    std::string client_id;       // OAuth app credentials; both or neither
    std::string client_secret;   // also signs webhooks when set (Shopify signs with the app secret)
    std::string currency;        // the shop currency; "" = each generated order draws its own
    double bucket_size = 2000;   // GraphQL points (the "standard" plan)
    double restore_rate = 100;   // points per second
    int64_t max_query_cost = 1000;
    int64_t orders = 0;  // generated at creation
    std::vector<std::string> locations{"Riyadh Warehouse", "Jeddah Warehouse"};
    int64_t initial_stock = 20;       // available at each stocked (item, location) at creation
    bool stock_all_locations = true;  // false: seeded items are stocked at the first location only
    GeneratorSettings generator;
};

// Reads the body of POST /_sandbox/stores. kBadRequest naming the field on invalid input.
[[nodiscard]] Result<StoreSpec> ParseStoreSpec(const boost::json::object& body, TimePoint now);

struct StoreKnobs {
    bool duplicate_webhooks = false;     // every delivery is sent twice, same webhook id
    bool out_of_order_webhooks = false;  // each event is held until the next one has been sent
    double drop_rate = 0;                // share of deliveries skipped (logged as "dropped")
    int throttle_status = 200;           // HTTP status of a THROTTLED answer: 200 or 429
    double error_rate = 0;               // share of GraphQL requests answered with a 5xx
    int latency_ms = 0;                  // added before every GraphQL answer
    std::string oauth_tamper;            // "", "hmac", "shop" or "timestamp": breaks the callback
    int cancel_job_ms = 300;             // how long an orderCancel job takes to be done
    // Added after a GraphQL operation ran, before its answer: the change is applied while the
    // client waits, so a client that dies or times out meanwhile misses an applied mutation.
    int answer_delay_ms = 0;
    // GraphQL answers are cut short (half the body, status kept): a client must fail cleanly on
    // JSON it cannot parse.
    bool malformed_json = false;
};

// Applies the fields present in `body` (PATCH semantics). kBadRequest naming the field.
[[nodiscard]] Status ApplyKnobs(const boost::json::object& body, StoreKnobs& knobs);

boost::json::object KnobsToJson(const StoreKnobs& knobs);

}  // namespace scs::sandbox
