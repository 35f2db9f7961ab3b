// REST: order notes and refunds (/wc/v3/orders/{order_id}/…) and the Shipment Tracking
// extension (/wc-shipment-tracking/v3/orders/{order_id}/shipment-trackings).
#include "sandbox/woocommerce/rest_routes.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

int64_t OrderOf(const RestContext& context) {
    return context.request.PathId("order_id");
}

std::optional<HttpResponse> RequireParams(const RestContext& context,
                                          std::initializer_list<const char*> names) {
    std::vector<std::string> missing;
    for (const char* name : names) {
        const auto value = context.request.Param(name);
        if (!value || (value->is_string() && value->get_string().empty())) {
            missing.emplace_back(name);
        }
    }
    if (missing.empty()) {
        return std::nullopt;
    }
    return WpErrorResponse(MissingParams(missing));
}

HttpResponse AddNote(RestContext& context) {
    if (auto missing = RequireParams(context, {"note"})) {
        return *missing;
    }
    return Respond(context.site.AddNote(OrderOf(context), context.request.body, context.now), 201);
}

HttpResponse ListNotes(RestContext& context) {
    ParamErrors errors;
    const std::string type =
        ReadEnum(context.request, "type", {"any", "customer", "internal"}, "any", errors);
    if (!errors.Empty()) {
        return WpErrorResponse(errors.ToError());
    }
    return RespondList(context.site.ListNotes(OrderOf(context), type));
}

HttpResponse GetNote(RestContext& context) {
    return Respond(context.site.GetNote(OrderOf(context), context.request.PathId("id")));
}

HttpResponse DeleteNote(RestContext& context) {
    if (!ForceFlag(context)) {
        // WooCommerce's notes controller answers with the webhooks controller's message.
        return WpErrorResponse(WpError{501,
                                       "woocommerce_rest_trash_not_supported",
                                       "Webhooks do not support trashing.",
                                       {},
                                       {}});
    }
    return Respond(context.site.DeleteNote(OrderOf(context), context.request.PathId("id")));
}

HttpResponse AddRefund(RestContext& context) {
    return Respond(context.site.AddRefund(OrderOf(context), context.request.body, context.now),
                   201);
}

HttpResponse ListRefunds(RestContext& context) {
    return RespondList(context.site.ListRefunds(OrderOf(context)));
}

HttpResponse GetRefund(RestContext& context) {
    return Respond(context.site.GetRefund(OrderOf(context), context.request.PathId("id")));
}

HttpResponse AddTracking(RestContext& context) {
    if (auto missing = RequireParams(context, {"tracking_number"})) {
        return *missing;
    }
    return Respond(context.site.AddTracking(OrderOf(context), context.request.body, context.now),
                   201);
}

HttpResponse ListTrackings(RestContext& context) {
    return RespondList(context.site.ListTrackings(OrderOf(context)));
}

std::string TrackingIdOf(const RestContext& context) {
    const auto found = context.request.path.find("tracking_id");
    return found == context.request.path.end() ? "" : found->second;
}

HttpResponse GetTracking(RestContext& context) {
    return Respond(context.site.GetTracking(OrderOf(context), TrackingIdOf(context)));
}

HttpResponse DeleteTracking(RestContext& context) {
    return Respond(context.site.DeleteTracking(OrderOf(context), TrackingIdOf(context)));
}

HttpResponse ListProviders(RestContext& /*context*/) {
    return WpJson(
        200,
        json::object{
            {"Saudi Arabia",
             {{"Aramex", "https://www.aramex.com/us/en/track/results?ShipmentNumber=%1$s"},
              {"SMSA Express", "https://www.smsaexpress.com/trackingdetails?tracknumbers=%1$s"},
              {"Saudi Post", "https://splonline.com.sa/en/shipmentdetailsstatic/?tid=%1$s"}}},
            {"United Arab Emirates",
             {{"Emirates Post",
               "https://www.epg.gov.ae/_layouts/EPG/TrackAndTrace.aspx?ref=%1$s"}}},
            {"Global",
             {{"DHL", "https://www.dhl.com/en/express/tracking.html?AWB=%1$s&brand=DHL"},
              {"FedEx", "https://www.fedex.com/apps/fedextrack/?action=track&tracknumbers=%1$s"},
              {"UPS", "https://www.ups.com/track?loc=en_US&tracknum=%1$s"},
              {"USPS", "https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=%1$s"}}}});
}

}  // namespace

std::vector<RestRoute> OrderExtraRoutes() {
    const std::string notes = "/wc/v3/orders/{order_id}/notes";
    const std::string refunds = "/wc/v3/orders/{order_id}/refunds";
    const std::string tracking = "/wc-shipment-tracking/v3/orders/{order_id}/shipment-trackings";
    return {{"POST", notes, Access::kCreate, AddNote},
            {"GET", notes, Access::kList, ListNotes},
            {"GET", notes + "/{id}", Access::kView, GetNote},
            {"DELETE", notes + "/{id}", Access::kDelete, DeleteNote},
            {"POST", refunds, Access::kCreate, AddRefund},
            {"GET", refunds, Access::kList, ListRefunds},
            {"GET", refunds + "/{id}", Access::kView, GetRefund},
            {"POST", tracking, Access::kCreate, AddTracking, true},
            {"GET", tracking, Access::kList, ListTrackings, true},
            {"GET", tracking + "/providers", Access::kList, ListProviders, true},
            {"GET", tracking + "/{tracking_id}", Access::kView, GetTracking, true},
            {"DELETE", tracking + "/{tracking_id}", Access::kDelete, DeleteTracking, true}};
}

}  // namespace scs::sandbox::woocommerce
