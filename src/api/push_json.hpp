#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "push/push_service.hpp"
#include "storage/listing_store.hpp"
#include "storage/push_store.hpp"

// The JSON of the push-back API: request bodies read into the push service's requests (shape
// errors name the field; the service validates the content), and push records, ledger entries
// and listings rendered for responses. Pure; thread-safe.
namespace scs {

// {"items":[{"sku","hub_code","quantity"}]}
[[nodiscard]] Result<InventoryPushRequest> ReadInventoryPush(std::string_view body);

// {"tracking_number","carrier","tracking_url","line_items":[{"sku","quantity"}],
//  "notify_customer"}; every field optional.
[[nodiscard]] Result<FulfillmentPushRequest> ReadFulfillmentPush(std::string_view body);

// {"status":"cancelled"|"closed","reason","restock","refund","notify_customer"}
[[nodiscard]] Result<StatusPushRequest> ReadStatusPush(std::string_view body);

// Idempotency-Key: 1-128 printable ASCII characters. kBadRequest otherwise.
[[nodiscard]] Status ValidateIdempotencyKey(std::string_view key);

boost::json::object PushJson(const PushRecord& push);
boost::json::object LedgerEntryJson(const LedgerEntry& entry);
boost::json::object ListingJson(const StoredListing& stored);

}  // namespace scs
