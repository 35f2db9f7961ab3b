#include "api/push_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/json_body.hpp"

namespace scs {
namespace {

namespace json = boost::json;

Result<bool> OptionalBool(const json::object& object, std::string_view key, bool fallback) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) {
        return fallback;
    }
    if (!value->is_bool()) {
        return FailField(std::string(key), std::string(key) + ": true or false");
    }
    return value->get_bool();
}

Result<std::string> StringOr(const json::object& object,
                             std::string_view key,
                             const std::string& path) {
    auto value = OptionalString(object, key, path);
    if (!value) {
        return tl::unexpected(value.error());
    }
    return value->value_or("");
}

Result<const json::array*> ArrayField(const json::object& object,
                                      std::string_view key,
                                      bool required) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) {
        if (required) {
            return FailField(std::string(key), std::string(key) + ": required");
        }
        return static_cast<const json::array*>(nullptr);
    }
    if (!value->is_array()) {
        return FailField(std::string(key), std::string(key) + ": an array");
    }
    return &value->get_array();
}

Result<const json::object*> ElementObject(const json::value& element, const std::string& path) {
    if (!element.is_object()) {
        return FailField(path, path + ": an object");
    }
    return &element.get_object();
}

Result<int64_t> RequiredInteger(const json::object& object,
                                std::string_view key,
                                const std::string& path) {
    auto value = OptionalInteger(object, key, path);
    if (!value) {
        return tl::unexpected(value.error());
    }
    if (!*value) {
        return FailField(path, path + ": required");
    }
    return **value;
}

Result<InventoryLine> ReadInventoryLine(const json::value& element, const std::string& path) {
    auto object = ElementObject(element, path);
    if (!object) {
        return tl::unexpected(object.error());
    }
    if (auto known = RejectUnknownKeys(**object, {"sku", "hub_code", "quantity"}, path + ".");
        !known) {
        return tl::unexpected(known.error());
    }
    InventoryLine line;
    auto sku = StringOr(**object, "sku", path + ".sku");
    auto hub = sku.and_then(
        [&](const std::string&) { return StringOr(**object, "hub_code", path + ".hub_code"); });
    auto quantity = hub.and_then([&](const std::string&) {
        return RequiredInteger(**object, "quantity", path + ".quantity");
    });
    if (!quantity) {
        return tl::unexpected(quantity.error());
    }
    line.sku = *sku;
    line.hub_code = *hub;
    line.quantity = *quantity;
    return line;
}

Result<FulfillmentLine> ReadFulfillmentLine(const json::value& element, const std::string& path) {
    auto object = ElementObject(element, path);
    if (!object) {
        return tl::unexpected(object.error());
    }
    if (auto known = RejectUnknownKeys(**object, {"sku", "quantity"}, path + "."); !known) {
        return tl::unexpected(known.error());
    }
    auto sku = StringOr(**object, "sku", path + ".sku");
    auto quantity = sku.and_then([&](const std::string&) {
        return RequiredInteger(**object, "quantity", path + ".quantity");
    });
    if (!quantity) {
        return tl::unexpected(quantity.error());
    }
    return FulfillmentLine{*sku, *quantity};
}

json::value OptionalJson(const std::string& text) {
    if (text.empty()) {
        return nullptr;
    }
    boost::system::error_code error;
    json::value value = json::parse(text, error);
    return error ? json::value(text) : value;
}

json::value OptionalTime(const std::optional<TimePoint>& time) {
    return time ? json::value(FormatRfc3339(*time)) : json::value(nullptr);
}

json::object PushItemJson(const PushItem& item) {
    return json::object{
        {"id", item.id},
        {"sku", item.sku},
        {"hub_code", item.hub_code},
        {"quantity", item.quantity},
        {"location_id",
         item.location_id.empty() ? json::value(nullptr) : json::value(item.location_id)},
        {"pushed_quantity",
         item.pushed_quantity ? json::value(*item.pushed_quantity) : json::value(nullptr)},
        {"state", PushItemStateName(item.state)},
        {"error_code",
         item.error_code.empty() ? json::value(nullptr) : json::value(item.error_code)},
        {"detail", item.detail}};
}

}  // namespace

Result<InventoryPushRequest> ReadInventoryPush(std::string_view body) {
    auto object = ParseJsonObject(body);
    if (!object) {
        return tl::unexpected(object.error());
    }
    if (auto known = RejectUnknownKeys(*object, {"items"}, ""); !known) {
        return tl::unexpected(known.error());
    }
    auto items = ArrayField(*object, "items", true);
    if (!items) {
        return tl::unexpected(items.error());
    }
    InventoryPushRequest request;
    for (size_t i = 0; i < (*items)->size(); ++i) {
        auto line = ReadInventoryLine((**items)[i], "items[" + std::to_string(i) + "]");
        if (!line) {
            return tl::unexpected(line.error());
        }
        request.items.push_back(std::move(*line));
    }
    return request;
}

Result<FulfillmentPushRequest> ReadFulfillmentPush(std::string_view body) {
    auto object = ParseJsonObject(body);
    if (!object) {
        return tl::unexpected(object.error());
    }
    if (auto known = RejectUnknownKeys(
            *object,
            {"tracking_number", "carrier", "tracking_url", "line_items", "notify_customer"},
            "");
        !known) {
        return tl::unexpected(known.error());
    }
    FulfillmentPushRequest request;
    auto number = StringOr(*object, "tracking_number", "tracking_number");
    auto carrier = StringOr(*object, "carrier", "carrier");
    auto url = StringOr(*object, "tracking_url", "tracking_url");
    auto notify = OptionalBool(*object, "notify_customer", false);
    auto lines = ArrayField(*object, "line_items", false);
    for (const Status& read : {number.map([](auto&&) {}),
                               carrier.map([](auto&&) {}),
                               url.map([](auto&&) {}),
                               notify.map([](auto&&) {}),
                               lines.map([](auto&&) {})}) {
        if (!read) {
            return tl::unexpected(read.error());
        }
    }
    request.tracking_number = *number;
    request.carrier = *carrier;
    request.tracking_url = *url;
    request.notify_customer = *notify;
    for (size_t i = 0; *lines != nullptr && i < (*lines)->size(); ++i) {
        auto line = ReadFulfillmentLine((**lines)[i], "line_items[" + std::to_string(i) + "]");
        if (!line) {
            return tl::unexpected(line.error());
        }
        request.lines.push_back(std::move(*line));
    }
    return request;
}

Result<StatusPushRequest> ReadStatusPush(std::string_view body) {
    auto object = ParseJsonObject(body);
    if (!object) {
        return tl::unexpected(object.error());
    }
    if (auto known = RejectUnknownKeys(
            *object, {"status", "reason", "restock", "refund", "notify_customer"}, "");
        !known) {
        return tl::unexpected(known.error());
    }
    StatusPushRequest request;
    auto status = StringOr(*object, "status", "status");
    auto reason = StringOr(*object, "reason", "reason");
    auto restock = OptionalBool(*object, "restock", true);
    auto refund = OptionalBool(*object, "refund", false);
    auto notify = OptionalBool(*object, "notify_customer", false);
    for (const Status& read : {status.map([](auto&&) {}),
                               reason.map([](auto&&) {}),
                               restock.map([](auto&&) {}),
                               refund.map([](auto&&) {}),
                               notify.map([](auto&&) {})}) {
        if (!read) {
            return tl::unexpected(read.error());
        }
    }
    request.status = *status;
    request.reason = *reason;
    request.restock = *restock;
    request.refund = *refund;
    request.notify_customer = *notify;
    return request;
}

Status ValidateIdempotencyKey(std::string_view key) {
    constexpr size_t kMaxKey = 128;
    bool printable = !key.empty() && key.size() <= kMaxKey;
    for (const char c : key) {
        printable = printable && c > ' ' && c < 0x7f;
    }
    if (!printable) {
        return FailField("Idempotency-Key",
                         "Idempotency-Key: 1 to 128 printable ASCII characters without spaces");
    }
    return {};
}

json::object PushJson(const PushRecord& push) {
    json::object out{
        {"id", push.id},
        {"connection_id", push.connection_id},
        {"kind", PushKindName(push.kind)},
        {"state", PushStateName(push.state)},
        {"idempotency_key", push.idempotency_key},
        {"request", OptionalJson(push.request_json)},
        {"result", OptionalJson(push.result_json)},
        {"error_code",
         push.error_code.empty() ? json::value(nullptr) : json::value(push.error_code)},
        {"error", push.error.empty() ? json::value(nullptr) : json::value(push.error)},
        {"attempts", push.attempts},
        {"created_at", FormatRfc3339(push.created_at)},
        {"updated_at", FormatRfc3339(push.updated_at)},
        {"finished_at", OptionalTime(push.finished_at)}};
    if (push.kind != PushKind::kInventory) {
        out["order_external_id"] = push.order_external_id;
        return out;
    }
    json::array items;
    json::object counts{
        {"queued", 0}, {"done", 0}, {"skipped", 0}, {"coalesced", 0}, {"failed", 0}};
    for (const auto& item : push.items) {
        items.push_back(PushItemJson(item));
        auto& count = counts[PushItemStateName(item.state)];
        count = count.as_int64() + 1;
    }
    out["items"] = std::move(items);
    out["item_counts"] = std::move(counts);
    return out;
}

json::object LedgerEntryJson(const LedgerEntry& entry) {
    return json::object{
        {"sku", entry.sku},
        {"location_id", entry.location_id},
        {"inventory_item_id", entry.inventory_item_id},
        {"quantity", entry.quantity},
        {"push_id", entry.push_id == 0 ? json::value(nullptr) : json::value(entry.push_id)},
        {"updated_at", FormatRfc3339(entry.updated_at)}};
}

json::object ListingJson(const StoredListing& stored) {
    const Listing& listing = stored.listing;
    return json::object{{"sku", listing.sku},
                        {"product_id", listing.product_id},
                        {"variant_id", listing.variant_id},
                        {"inventory_item_id", listing.inventory_item_id},
                        {"title", listing.title},
                        {"tracked", listing.tracked},
                        {"updated_at", FormatRfc3339(stored.updated_at)}};
}

}  // namespace scs
