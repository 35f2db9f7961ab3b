#include "connectors/woocommerce/woocommerce_fulfillment.hpp"

#include <optional>
#include <set>

#include <boost/json.hpp>

#include "connectors/woocommerce/woocommerce_order_status.hpp"
#include "connectors/woocommerce/woocommerce_shipment.hpp"

namespace scs {
namespace {

// What the order already says about its shipments.
struct ShippingState {
    boost::json::value order;
    WooCommerceUnits ordered;
    WooCommerceUnits shipped;
    std::optional<int64_t> note_with_number;          // the note carrying the tracking number
    std::optional<boost::json::array> trackings;      // nullopt: no Shipment Tracking extension
    std::optional<std::string> tracking_with_number;  // its item carrying the number
};

std::string TrackingPath(const std::string& order_id) {
    return "/wp-json/wc-shipment-tracking/v3/orders/" + order_id + "/shipment-trackings";
}

std::string IdText(const boost::json::value& object, std::string_view key) {
    const auto number = WooInt(object, key);
    return number ? std::to_string(*number) : WooString(object, key);
}

WooCommerceUnits OrderedUnits(const boost::json::value& order) {
    WooCommerceUnits units;
    const auto* lines = order.is_object() ? order.get_object().if_contains("line_items") : nullptr;
    if (lines == nullptr || !lines->is_array()) {
        return units;
    }
    for (const auto& line : lines->get_array()) {
        units[WooString(line, "sku")] += WooInt(line, "quantity").value_or(0);
    }
    return units;
}

Status ReadNotes(WooCommerceRest& rest,
                 const std::string& order_path,
                 const std::string& number,
                 ShippingState& state) {
    auto notes = rest.Get(order_path + "/notes", {{"type", "any"}});
    if (!notes) {
        return tl::unexpected(notes.error());
    }
    if (!notes->body.is_array()) {
        return Fail(ErrorCode::kInvalidPayload, "WooCommerce answered notes that are not a list");
    }
    for (const auto& note : notes->body.get_array()) {
        const auto shipment = ParseWooCommerceShipmentNote(WooString(note, "note"));
        if (!shipment) {
            continue;
        }
        for (const auto& line : shipment->lines) {
            state.shipped[line.sku] += line.quantity;
        }
        if (!number.empty() && shipment->tracking_number == number) {
            state.note_with_number = WooInt(note, "id").value_or(0);
        }
    }
    return {};
}

Status ReadTrackings(WooCommerceRest& rest,
                     const std::string& order_id,
                     const std::string& number,
                     ShippingState& state) {
    auto reply = rest.Exchange("GET", TrackingPath(order_id), {}, {});
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    if (reply->status == 404 && reply->error_code == "rest_no_route") {
        return {};
    }
    if (reply->status != 200 || !reply->body.is_array()) {
        return tl::unexpected(rest.ErrorOf(*reply));
    }
    state.trackings = reply->body.get_array();
    for (const auto& item : *state.trackings) {
        if (WooString(item, "tracking_number") == number) {
            state.tracking_with_number = IdText(item, "tracking_id");
        }
    }
    return {};
}

Result<ShippingState> ReadShippingState(WooCommerceRest& rest, const FulfillmentRequest& request) {
    const std::string order_path = WooCommerceOrderPath(request.order_external_id);
    auto order = ReadWooCommerceOrder(rest, request.order_external_id);
    if (!order) {
        return tl::unexpected(order.error());
    }
    const std::string status = WooString(*order, "status");
    if (status == "cancelled" || status == "refunded" || status == "failed" || status == "trash") {
        return Fail(ErrorCode::kConflict, "the order is " + status + "; nothing can ship");
    }
    ShippingState state;
    state.ordered = OrderedUnits(*order);
    state.order = std::move(*order);
    if (auto notes = ReadNotes(rest, order_path, request.tracking_number, state); !notes) {
        return tl::unexpected(notes.error());
    }
    if (!request.tracking_number.empty()) {
        if (auto read =
                ReadTrackings(rest, request.order_external_id, request.tracking_number, state);
            !read) {
            return tl::unexpected(read.error());
        }
    }
    return state;
}

std::string DateOf(TimePoint now) {
    return FormatRfc3339(now).substr(0, 10);
}

Result<std::string> PostTracking(WooCommerceRest& rest,
                                 const FulfillmentRequest& request,
                                 TimePoint now) {
    boost::json::object body{{"tracking_number", request.tracking_number},
                             {"date_shipped", DateOf(now)}};
    if (!request.tracking_url.empty()) {
        body["custom_tracking_provider"] = request.carrier;
        body["custom_tracking_link"] = request.tracking_url;
    } else {
        body["tracking_provider"] = request.carrier;
    }
    auto created = rest.Post(TrackingPath(request.order_external_id), body);
    if (!created) {
        return tl::unexpected(created.error());
    }
    return IdText(created->body, "tracking_id");
}

Result<int64_t> PostNote(WooCommerceRest& rest,
                         const FulfillmentRequest& request,
                         const std::vector<FulfillmentLine>& lines,
                         bool customer_note) {
    const WooCommerceShipment shipment{
        request.carrier, request.tracking_number, request.tracking_url, lines};
    auto created = rest.Post(WooCommerceOrderPath(request.order_external_id) + "/notes",
                             boost::json::object{{"note", FormatWooCommerceShipmentNote(shipment)},
                                                 {"customer_note", customer_note}});
    if (!created) {
        return tl::unexpected(created.error());
    }
    return WooInt(created->body, "id").value_or(0);
}

// PUT status completed once every unit has shipped.
Status CompleteWhenShipped(WooCommerceRest& rest,
                           const FulfillmentRequest& request,
                           const ShippingState& state) {
    if (!WooCommerceOrderFullyShipped(state.ordered, state.shipped) ||
        WooString(state.order, "status") == "completed") {
        return {};
    }
    auto updated = rest.Put(WooCommerceOrderPath(request.order_external_id),
                            boost::json::object{{"status", "completed"}});
    return updated ? Status{} : tl::unexpected(updated.error());
}

// A retry of a shipment whose note exists: adds the extension's item if the crash came between
// the two, and completes the order if that was still to do.
Result<FulfillmentResult> Resume(WooCommerceRest& rest,
                                 const FulfillmentRequest& request,
                                 const ShippingState& state,
                                 TimePoint now) {
    FulfillmentResult result{"", true};
    if (state.tracking_with_number) {
        result.fulfillment_id = *state.tracking_with_number;
    } else if (state.trackings) {
        auto tracking = PostTracking(rest, request, now);
        if (!tracking) {
            return tl::unexpected(tracking.error());
        }
        result.fulfillment_id = *tracking;
    } else {
        result.fulfillment_id = "note-" + std::to_string(state.note_with_number.value_or(0));
    }
    if (auto completed = CompleteWhenShipped(rest, request, state); !completed) {
        return tl::unexpected(completed.error());
    }
    return result;
}

}  // namespace

Result<FulfillmentResult> CreateWooCommerceFulfillment(WooCommerceRest& rest,
                                                       const FulfillmentRequest& request,
                                                       TimePoint now) {
    auto state = ReadShippingState(rest, request);
    if (!state) {
        return tl::unexpected(state.error());
    }
    if (state->note_with_number || state->tracking_with_number) {
        return Resume(rest, request, *state, now);
    }
    auto plan = PlanWooCommerceShipment(state->ordered, state->shipped, request.lines);
    if (!plan) {
        return tl::unexpected(plan.error());
    }
    const bool extension = state->trackings.has_value();
    auto note = PostNote(rest, request, *plan, request.notify_customer && !extension);
    if (!note) {
        return tl::unexpected(note.error());
    }
    FulfillmentResult result{"note-" + std::to_string(*note), false};
    if (extension) {
        auto tracking = PostTracking(rest, request, now);
        if (!tracking) {
            return tl::unexpected(tracking.error());
        }
        result.fulfillment_id = *tracking;
    }
    for (const auto& line : *plan) {
        state->shipped[line.sku] += line.quantity;
    }
    if (auto completed = CompleteWhenShipped(rest, request, *state); !completed) {
        return tl::unexpected(completed.error());
    }
    return result;
}

}  // namespace scs
