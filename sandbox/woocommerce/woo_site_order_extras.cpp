// WooSite: order notes, refunds and Shipment Tracking items.
#include <algorithm>
#include <array>

#include "sandbox/woocommerce/woo_site.hpp"
#include "sandbox/woocommerce/wp_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

WpError InvalidOrder() {
    return WpError{404, "woocommerce_rest_order_invalid_id", "Invalid order ID.", {}, {}};
}

struct Provider {
    std::string_view name;
    std::string_view link;  // "%1$s" is the tracking number
};

constexpr std::array<Provider, 8> kProviders = {{
    {"Aramex", "https://www.aramex.com/us/en/track/results?ShipmentNumber=%1$s"},
    {"SMSA Express", "https://www.smsaexpress.com/trackingdetails?tracknumbers=%1$s"},
    {"Saudi Post", "https://splonline.com.sa/en/shipmentdetailsstatic/?tid=%1$s"},
    {"DHL", "https://www.dhl.com/en/express/tracking.html?AWB=%1$s&brand=DHL"},
    {"FedEx", "https://www.fedex.com/apps/fedextrack/?action=track&tracknumbers=%1$s"},
    {"UPS", "https://www.ups.com/track?loc=en_US&tracknum=%1$s"},
    {"USPS", "https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=%1$s"},
    {"Emirates Post", "https://www.epg.gov.ae/_layouts/EPG/TrackAndTrace.aspx?ref=%1$s"},
}};

std::string TextOf(const json::object& body, std::string_view key) {
    const auto* value = body.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

bool FlagOf(const json::object& body, std::string_view key, bool fallback) {
    const auto* value = body.if_contains(key);
    if (value == nullptr) {
        return fallback;
    }
    if (value->is_string()) {
        return value->get_string() == "true" || value->get_string() == "1";
    }
    return value->is_bool() ? value->get_bool() : fallback;
}

std::string ProviderLink(const std::string& provider, const std::string& number) {
    for (const auto& known : kProviders) {
        if (known.name == provider) {
            std::string link(known.link);
            link.replace(link.find("%1$s"), 4, RawUrlEncode(number));
            return link;
        }
    }
    return "";
}

json::object Links(const std::string& self, const std::string& collection, const std::string& up) {
    return {{"self", json::array{{{"href", self}}}},
            {"collection", json::array{{{"href", collection}}}},
            {"up", json::array{{{"href", up}}}}};
}

// The order's lines a refund puts back on the shelf: each refund line names an order line by id
// and says how many of it come back.
json::array RestockLines(const WooOrder& order, const json::array& refund_lines) {
    json::array restock;
    const auto* lines = order.fields.if_contains("line_items");
    if (lines == nullptr || !lines->is_array()) {
        return restock;
    }
    for (const auto& refund_line : refund_lines) {
        const auto* id =
            refund_line.is_object() ? refund_line.get_object().if_contains("id") : nullptr;
        const auto* quantity =
            refund_line.is_object() ? refund_line.get_object().if_contains("quantity") : nullptr;
        if (id == nullptr || quantity == nullptr || !quantity->is_int64()) {
            continue;
        }
        for (const auto& line : lines->get_array()) {
            if (line.as_object().at("id") == *id) {
                json::object copy = line.as_object();
                copy["quantity"] = quantity->get_int64();
                restock.push_back(std::move(copy));
            }
        }
    }
    return restock;
}

// The money a refund line gives back: refund_total plus its refund_tax totals.
int64_t LineRefund(const json::object& line, int exponent) {
    int64_t amount = 0;
    if (const auto* total = line.if_contains("refund_total"); total != nullptr) {
        amount += ParseWcPrice(*total, exponent).value_or(0);
    }
    if (const auto* taxes = line.if_contains("refund_tax"); taxes && taxes->is_array()) {
        for (const auto& tax : taxes->get_array()) {
            const auto* value =
                tax.is_object() ? tax.get_object().if_contains("refund_total") : nullptr;
            amount += value == nullptr ? 0 : ParseWcPrice(*value, exponent).value_or(0);
        }
    }
    return amount;
}

// A gateway of the sandbox that can refund through its API.
bool GatewayRefunds(const WooOrder& order) {
    const auto* method = order.fields.if_contains("payment_method");
    return method != nullptr && method->is_string() && method->get_string() == "stripe";
}

}  // namespace

namespace {

json::object RenderNote(const OrderNote& note,
                        const WooOrder& order,
                        const std::string& store,
                        int offset) {
    const std::string up = store + "/wp-json/wc/v3/orders/" + std::to_string(order.id);
    json::object rendered{{"id", note.id},
                          {"author", note.author},
                          {"date_created", WpDate(note.created, offset)},
                          {"date_created_gmt", WpDate(note.created, 0)},
                          {"note", note.note},
                          {"customer_note", note.customer_note}};
    rendered["_links"] = Links(up + "/notes/" + std::to_string(note.id), up + "/notes", up);
    return rendered;
}

json::object RenderRefund(const OrderRefund& refund,
                          const WooOrder& order,
                          const std::string& store,
                          int offset) {
    const std::string up = store + "/wp-json/wc/v3/orders/" + std::to_string(order.id);
    json::object rendered{{"id", refund.id},
                          {"date_created", WpDate(refund.created, offset)},
                          {"date_created_gmt", WpDate(refund.created, 0)},
                          {"amount", WcPrice(refund.amount, order.exponent)},
                          {"reason", refund.reason},
                          {"refunded_by", refund.refunded_by},
                          {"refunded_payment", refund.refunded_payment},
                          {"meta_data", json::array{}},
                          {"line_items", refund.line_items},
                          {"shipping_lines", json::array{}},
                          {"tax_lines", json::array{}},
                          {"fee_lines", json::array{}}};
    rendered["_links"] = Links(up + "/refunds/" + std::to_string(refund.id), up + "/refunds", up);
    return rendered;
}

json::object RenderTracking(const ShipmentTracking& tracking,
                            const WooOrder& order,
                            const std::string& store) {
    const std::string up =
        store + "/wp-json/wc-shipment-tracking/v3/orders/" + std::to_string(order.id);
    json::object rendered{{"tracking_id", tracking.tracking_id},
                          {"tracking_provider", tracking.tracking_provider},
                          {"tracking_link", tracking.tracking_link},
                          {"tracking_number", tracking.tracking_number},
                          {"date_shipped", tracking.date_shipped}};
    rendered["_links"] = Links(up + "/shipment-trackings/" + tracking.tracking_id,
                               up + "/shipment-trackings",
                               store + "/wp-json/wc/v3/orders/" + std::to_string(order.id));
    return rendered;
}

}  // namespace

WpResult<json::object> WooSite::AddNote(int64_t order_id, const json::object& body, TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrder());
    }
    const bool by_user = FlagOf(body, "added_by_user", false);
    order->notes.push_back(OrderNote{next_note_id_++,
                                     by_user ? "admin" : "system",
                                     now,
                                     TextOf(body, "note"),
                                     FlagOf(body, "customer_note", false)});
    ++counters_["notes"];
    return RenderNote(order->notes.back(), *order, store_url_, spec_.utc_offset_minutes);
}

WpResult<json::array> WooSite::ListNotes(int64_t order_id, const std::string& type) const {
    const std::lock_guard lock(mutex_);
    const WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrder());
    }
    json::array notes;
    for (auto it = order->notes.rbegin(); it != order->notes.rend(); ++it) {
        const bool wanted = type == "any" || (type == "customer") == it->customer_note;
        if (wanted) {
            notes.push_back(RenderNote(*it, *order, store_url_, spec_.utc_offset_minutes));
        }
    }
    return notes;
}

WpResult<json::object> WooSite::GetNote(int64_t order_id, int64_t note_id) const {
    const std::lock_guard lock(mutex_);
    const WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrder());
    }
    for (const auto& note : order->notes) {
        if (note.id == note_id) {
            return RenderNote(note, *order, store_url_, spec_.utc_offset_minutes);
        }
    }
    return WpFail(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");
}

WpResult<json::object> WooSite::DeleteNote(int64_t order_id, int64_t note_id) {
    const std::lock_guard lock(mutex_);
    WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrder());
    }
    auto& notes = order->notes;
    const auto found = std::find_if(
        notes.begin(), notes.end(), [&](const OrderNote& note) { return note.id == note_id; });
    if (found == notes.end()) {
        return WpFail(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");
    }
    json::object rendered = RenderNote(*found, *order, store_url_, spec_.utc_offset_minutes);
    notes.erase(found);
    return rendered;
}

WpResult<json::object> WooSite::AddRefund(int64_t order_id,
                                          const json::object& body,
                                          TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return WpFail(400, "woocommerce_rest_invalid_order", "Order is invalid");
    }
    const json::array no_lines;
    const auto* given_lines = body.if_contains("line_items");
    const json::array& lines =
        given_lines != nullptr && given_lines->is_array() ? given_lines->get_array() : no_lines;
    int64_t amount = 0;
    for (const auto& line : lines) {
        amount += line.is_object() ? LineRefund(line.get_object(), order->exponent) : 0;
    }
    if (const auto* given = body.if_contains("amount"); given != nullptr) {
        amount = ParseWcPrice(*given, order->exponent).value_or(-1);
    }
    if (amount < 0) {
        return WpFail(400,
                      "woocommerce_rest_invalid_order_refund",
                      "Refund amount must be greater than zero.");
    }
    if (amount > RefundableLeft(*order)) {
        return WpFail(500, "woocommerce_rest_cannot_create_order_refund", "Invalid refund amount.");
    }
    const bool api_refund = FlagOf(body, "api_refund", true);
    if (api_refund && !GatewayRefunds(*order)) {
        return WpFail(500,
                      "woocommerce_rest_cannot_create_order_refund",
                      "The payment gateway for this order does not support automatic refunds.");
    }
    OrderRefund refund;
    refund.id = next_order_id_++;
    refund.created = now;
    refund.amount = amount;
    refund.reason = TextOf(body, "reason");
    const auto* by = body.if_contains("refunded_by");
    refund.refunded_by = by != nullptr && by->is_int64() ? by->get_int64() : 1;
    refund.refunded_payment = api_refund;
    json::array refund_lines;
    for (const auto& line : lines) {
        if (line.is_object()) {
            json::object copy = line.get_object();
            copy["refund_total"] =
                WcPrice(LineRefund(line.get_object(), order->exponent), order->exponent);
            refund_lines.push_back(std::move(copy));
        }
    }
    refund.line_items = std::move(refund_lines);
    if (FlagOf(body, "api_restock", false)) {
        WooOrder restocked = *order;
        restocked.fields["line_items"] = RestockLines(*order, refund.line_items);
        AdjustStock(restocked, 1, now);
    }
    order->refunds.push_back(std::move(refund));
    if (RefundableLeft(*order) == 0) {
        ApplyStatus(*order, "refunded", now);
    }
    order->modified = std::max(order->modified, now);
    ++counters_["refunds"];
    Fire("order.updated", order_id, now);
    return RenderRefund(order->refunds.back(), *order, store_url_, spec_.utc_offset_minutes);
}

WpResult<json::array> WooSite::ListRefunds(int64_t order_id) const {
    const std::lock_guard lock(mutex_);
    const WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return WpFail(400, "woocommerce_rest_invalid_order", "Order is invalid");
    }
    json::array refunds;
    for (auto it = order->refunds.rbegin(); it != order->refunds.rend(); ++it) {
        refunds.push_back(RenderRefund(*it, *order, store_url_, spec_.utc_offset_minutes));
    }
    return refunds;
}

WpResult<json::object> WooSite::GetRefund(int64_t order_id, int64_t refund_id) const {
    const std::lock_guard lock(mutex_);
    const WooOrder* order = FindOrder(order_id);
    if (order != nullptr) {
        for (const auto& refund : order->refunds) {
            if (refund.id == refund_id) {
                return RenderRefund(refund, *order, store_url_, spec_.utc_offset_minutes);
            }
        }
    }
    return WpFail(404, "woocommerce_rest_shop_order_refund_invalid_id", "Invalid ID.");
}

WpResult<json::object> WooSite::AddTracking(int64_t order_id,
                                            const json::object& body,
                                            TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrder());
    }
    ShipmentTracking tracking;
    tracking.tracking_number = TextOf(body, "tracking_number");
    const std::string custom = TextOf(body, "custom_tracking_provider");
    tracking.tracking_provider = custom.empty() ? TextOf(body, "tracking_provider") : custom;
    tracking.tracking_link =
        custom.empty() ? ProviderLink(tracking.tracking_provider, tracking.tracking_number)
                       : TextOf(body, "custom_tracking_link");
    tracking.date_shipped = TextOf(body, "date_shipped");
    if (tracking.date_shipped.empty()) {
        tracking.date_shipped = WpDate(now, spec_.utc_offset_minutes).substr(0, 10);
    }
    tracking.tracking_id = HexEncode(Hmac(
        "md5",
        salt_,
        tracking.tracking_number + tracking.tracking_provider + std::to_string(next_note_id_++)));
    order->trackings.push_back(tracking);
    ++counters_["trackings"];
    return RenderTracking(tracking, *order, store_url_);
}

WpResult<json::array> WooSite::ListTrackings(int64_t order_id) const {
    const std::lock_guard lock(mutex_);
    const WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrder());
    }
    json::array trackings;
    for (const auto& tracking : order->trackings) {
        trackings.push_back(RenderTracking(tracking, *order, store_url_));
    }
    return trackings;
}

WpResult<json::object> WooSite::GetTracking(int64_t order_id,
                                            const std::string& tracking_id) const {
    const std::lock_guard lock(mutex_);
    const WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrder());
    }
    for (const auto& tracking : order->trackings) {
        if (tracking.tracking_id == tracking_id) {
            return RenderTracking(tracking, *order, store_url_);
        }
    }
    return WpFail(404, "woocommerce_rest_order_invalid_tracking_id", "Invalid tracking ID.");
}

WpResult<json::object> WooSite::DeleteTracking(int64_t order_id, const std::string& tracking_id) {
    const std::lock_guard lock(mutex_);
    WooOrder* order = FindOrder(order_id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrder());
    }
    auto& items = order->trackings;
    const auto found = std::find_if(items.begin(), items.end(), [&](const ShipmentTracking& t) {
        return t.tracking_id == tracking_id;
    });
    if (found == items.end()) {
        return WpFail(404, "woocommerce_rest_order_invalid_tracking_id", "Invalid tracking ID.");
    }
    json::object rendered = RenderTracking(*found, *order, store_url_);
    items.erase(found);
    return rendered;
}

}  // namespace scs::sandbox::woocommerce
