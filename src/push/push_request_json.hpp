#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "push/push_service.hpp"

// The normalised form of push requests and their JSON, as a push record's request_json keeps it
// and the push jobs read it back. Pure.
namespace scs {

// Trims the text fields, sorts fulfilment lines by SKU and gives a cancel without a reason the
// reason "other" (a close has none), so requests that mean the same thing compare equal.
InventoryPushRequest NormaliseInventoryPush(InventoryPushRequest request);
FulfillmentPushRequest NormaliseFulfillmentPush(FulfillmentPushRequest request);
StatusPushRequest NormaliseStatusPush(StatusPushRequest request);

// Every field except the idempotency key, in a fixed order (the derived keys hash it).
std::string InventoryPushJson(const InventoryPushRequest& request);
std::string FulfillmentPushJson(const FulfillmentPushRequest& request);
std::string StatusPushJson(const StatusPushRequest& request);

// The inverse of the *Json functions; kInvalidPayload when `json` is not such a document. The
// idempotency key is left empty (the push record carries it).
[[nodiscard]] Result<FulfillmentPushRequest> ParseFulfillmentPushJson(std::string_view json);
[[nodiscard]] Result<StatusPushRequest> ParseStatusPushJson(std::string_view json);

}  // namespace scs
