// The Validate* and Derived*Key functions of push_service.hpp: pure, apart from the service so
// they link without the storage they do not use.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <utility>

#include "push/push_request_json.hpp"
#include "push/push_service.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

constexpr std::array<std::string_view, 6> kCancelReasons = {
    "customer", "declined", "fraud", "inventory", "staff", "other"};

std::string Indexed(std::string_view list, size_t index, std::string_view field) {
    return std::string(list) + "[" + std::to_string(index) + "]." + std::string(field);
}

bool IsHttpUrl(std::string_view url) {
    for (std::string_view scheme : {"http://", "https://"}) {
        if (url.size() > scheme.size() &&
            std::equal(scheme.begin(), scheme.end(), url.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            })) {
            return true;
        }
    }
    return false;
}

std::string QuantityTooLarge() {
    return "the quantity must be at most " + std::to_string(kMaxPushQuantity);
}

Status ValidateInventoryLine(const InventoryLine& line, size_t index) {
    if (line.sku.empty()) {
        return FailField(Indexed("items", index, "sku"), "the SKU is required");
    }
    if (line.hub_code.empty()) {
        return FailField(Indexed("items", index, "hub_code"), "the hub code is required");
    }
    if (line.quantity < 0) {
        return FailField(Indexed("items", index, "quantity"), "the quantity cannot be negative");
    }
    if (line.quantity > kMaxPushQuantity) {
        return FailField(Indexed("items", index, "quantity"), QuantityTooLarge());
    }
    return {};
}

Status ValidateFulfillmentLines(const std::vector<FulfillmentLine>& lines) {
    std::set<std::string_view> skus;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].sku.empty()) {
            return FailField(Indexed("line_items", i, "sku"), "the SKU is required");
        }
        if (lines[i].quantity < 1) {
            return FailField(Indexed("line_items", i, "quantity"),
                             "the quantity must be at least 1");
        }
        if (lines[i].quantity > kMaxPushQuantity) {
            return FailField(Indexed("line_items", i, "quantity"), QuantityTooLarge());
        }
        if (!skus.insert(lines[i].sku).second) {
            return FailField(Indexed("line_items", i, "sku"),
                             "SKU " + lines[i].sku + " appears twice; send one line per SKU");
        }
    }
    return {};
}

std::string KeyOf(std::string_view kind, int64_t connection_id, std::string_view json) {
    return HexEncode(Sha256(std::string(kind) + "\n" + std::to_string(connection_id) + "\n" +
                            std::string(json)));
}

}  // namespace

Status ValidateInventoryPush(const InventoryPushRequest& request) {
    if (request.items.empty()) {
        return FailField("items", "at least one item is required");
    }
    if (request.items.size() > kMaxInventoryLines) {
        return FailField("items",
                         "at most " + std::to_string(kMaxInventoryLines) + " items per request");
    }
    std::set<std::pair<std::string_view, std::string_view>> seen;
    for (size_t i = 0; i < request.items.size(); ++i) {
        const InventoryLine& line = request.items[i];
        if (auto valid = ValidateInventoryLine(line, i); !valid) {
            return valid;
        }
        if (!seen.emplace(line.sku, line.hub_code).second) {
            return FailField("items[" + std::to_string(i) + "]",
                             "SKU " + line.sku + " at hub " + line.hub_code + " appears twice");
        }
    }
    return {};
}

Status ValidateFulfillmentPush(const FulfillmentPushRequest& request) {
    if (request.order_external_id.empty()) {
        return FailField("order_external_id", "the order's external id is required");
    }
    if (!request.tracking_url.empty() && !IsHttpUrl(request.tracking_url)) {
        return FailField("tracking_url", "the tracking URL must be an http(s) URL");
    }
    return ValidateFulfillmentLines(request.lines);
}

Status ValidateStatusPush(const StatusPushRequest& request) {
    if (request.order_external_id.empty()) {
        return FailField("order_external_id", "the order's external id is required");
    }
    if (request.status != "cancelled" && request.status != "closed") {
        return FailField("status", R"(the status must be "cancelled" or "closed")");
    }
    if (request.status == "cancelled" && !request.reason.empty() &&
        std::find(kCancelReasons.begin(), kCancelReasons.end(), request.reason) ==
            kCancelReasons.end()) {
        return FailField("reason",
                         "the reason must be customer, declined, fraud, inventory, staff or other");
    }
    return {};
}

std::string DerivedFulfillmentKey(int64_t connection_id, const FulfillmentPushRequest& request) {
    return KeyOf(
        "fulfillment", connection_id, FulfillmentPushJson(NormaliseFulfillmentPush(request)));
}

std::string DerivedStatusKey(int64_t connection_id, const StatusPushRequest& request) {
    return KeyOf("status", connection_id, StatusPushJson(NormaliseStatusPush(request)));
}

}  // namespace scs
