#include "connectors/woocommerce/woocommerce_shipment.hpp"

#include <algorithm>
#include <charconv>

namespace scs {
namespace {

constexpr std::string_view kShipped = "Shipped";
constexpr std::string_view kVia = " via ";
constexpr std::string_view kTracking = ", tracking ";
constexpr std::string_view kLinePrefix = "- ";
constexpr std::string_view kTimes = " x ";
constexpr std::string_view kNoSku = "(no SKU)";

std::vector<std::string_view> Lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return lines;
}

// "Shipped via <carrier>, tracking <number> <url>" -> the shipment's header fields.
std::optional<WooCommerceShipment> ParseHeader(std::string_view line) {
    if (line.substr(0, kShipped.size()) != kShipped) {
        return std::nullopt;
    }
    line.remove_prefix(kShipped.size());
    WooCommerceShipment shipment;
    const size_t tracking = line.rfind(kTracking);
    std::string_view carrier = line.substr(0, tracking);
    if (!carrier.empty() && carrier.substr(0, kVia.size()) != kVia) {
        return std::nullopt;
    }
    shipment.carrier = std::string(carrier.substr(std::min(kVia.size(), carrier.size())));
    if (tracking != std::string_view::npos) {
        const std::string_view rest = line.substr(tracking + kTracking.size());
        const size_t space = rest.find(' ');
        shipment.tracking_number = std::string(rest.substr(0, space));
        if (space != std::string_view::npos) {
            shipment.tracking_url = std::string(rest.substr(space + 1));
        }
    }
    return shipment;
}

std::optional<FulfillmentLine> ParseLine(std::string_view line) {
    const size_t times = line.rfind(kTimes);
    if (line.substr(0, kLinePrefix.size()) != kLinePrefix || times == std::string_view::npos ||
        times < kLinePrefix.size()) {
        return std::nullopt;
    }
    const std::string_view digits = line.substr(times + kTimes.size());
    int64_t quantity = 0;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), quantity);
    if (error != std::errc() || end != digits.data() + digits.size() || quantity <= 0) {
        return std::nullopt;
    }
    const std::string_view sku = line.substr(kLinePrefix.size(), times - kLinePrefix.size());
    return FulfillmentLine{sku == kNoSku ? std::string() : std::string(sku), quantity};
}

int64_t Remaining(const WooCommerceUnits& ordered,
                  const WooCommerceUnits& shipped,
                  const std::string& sku) {
    const auto found = ordered.find(sku);
    const auto sent = shipped.find(sku);
    const int64_t done = sent == shipped.end() ? 0 : sent->second;
    return found == ordered.end() ? 0 : std::max<int64_t>(0, found->second - done);
}

}  // namespace

std::string FormatWooCommerceShipmentNote(const WooCommerceShipment& shipment) {
    std::string note(kShipped);
    if (!shipment.carrier.empty()) {
        note += std::string(kVia) + shipment.carrier;
    }
    if (!shipment.tracking_number.empty()) {
        note += std::string(kTracking) + shipment.tracking_number;
        if (!shipment.tracking_url.empty()) {
            note += " " + shipment.tracking_url;
        }
    }
    for (const auto& line : shipment.lines) {
        note += "\n" + std::string(kLinePrefix) +
                (line.sku.empty() ? std::string(kNoSku) : line.sku) + std::string(kTimes) +
                std::to_string(line.quantity);
    }
    return note;
}

std::optional<WooCommerceShipment> ParseWooCommerceShipmentNote(std::string_view note) {
    const auto lines = Lines(note);
    if (lines.empty()) {
        return std::nullopt;
    }
    auto shipment = ParseHeader(lines.front());
    if (!shipment) {
        return std::nullopt;
    }
    for (size_t i = 1; i < lines.size(); ++i) {
        if (auto line = ParseLine(lines[i])) {
            shipment->lines.push_back(std::move(*line));
        }
    }
    return shipment;
}

Result<std::vector<FulfillmentLine>> PlanWooCommerceShipment(
    const WooCommerceUnits& ordered,
    const WooCommerceUnits& shipped,
    const std::vector<FulfillmentLine>& requested) {
    WooCommerceUnits wanted;
    for (const auto& line : requested) {
        if (line.quantity <= 0) {
            return FailField("lines", "SKU " + line.sku + ": quantity must be positive");
        }
        if (ordered.count(line.sku) == 0) {
            return FailField("lines", "SKU " + line.sku + " is not on the order");
        }
        wanted[line.sku] += line.quantity;
    }
    if (requested.empty()) {
        for (const auto& [sku, units] : ordered) {
            wanted[sku] = Remaining(ordered, shipped, sku);
        }
    }
    int64_t remaining = 0;
    for (const auto& [sku, units] : wanted) {
        remaining += Remaining(ordered, shipped, sku);
    }
    if (remaining == 0) {
        return Fail(ErrorCode::kConflict, "the order's requested lines are already shipped");
    }
    std::vector<FulfillmentLine> plan;
    for (const auto& [sku, units] : wanted) {
        const int64_t left = Remaining(ordered, shipped, sku);
        if (units > left) {
            return FailField("lines",
                             "SKU " + sku + ": " + std::to_string(units) + " units requested, " +
                                 std::to_string(left) + " remain to ship");
        }
        if (units > 0) {
            plan.push_back(FulfillmentLine{sku, units});
        }
    }
    return plan;
}

bool WooCommerceOrderFullyShipped(const WooCommerceUnits& ordered,
                                  const WooCommerceUnits& shipped) {
    return std::all_of(ordered.begin(), ordered.end(), [&](const auto& entry) {
        return Remaining(ordered, shipped, entry.first) == 0;
    });
}

}  // namespace scs
