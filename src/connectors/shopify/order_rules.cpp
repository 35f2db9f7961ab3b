#include "connectors/shopify/order_rules.hpp"

namespace scs::shopify {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

OrderStatus UnfulfilledStatus(const StatusFacts& facts) {
    const std::string_view financial = facts.financial;
    if (financial == "paid" || financial == "partially_paid" || financial == "authorized" ||
        financial == "partially_refunded") {
        return OrderStatus::kConfirmed;
    }
    if (financial == "refunded" || financial == "voided" || financial == "expired") {
        return OrderStatus::kCancelled;
    }
    // Cash on delivery stays "pending" at Shopify until the courier collects; the order itself
    // is confirmed.
    return facts.is_cod ? OrderStatus::kConfirmed : OrderStatus::kPending;
}

OrderStatus DefaultStatus(const StatusFacts& facts) {
    if (facts.cancelled) {
        return OrderStatus::kCancelled;
    }
    if (facts.closed) {
        return OrderStatus::kClosed;
    }
    if (facts.fulfillment == "restocked" ||
        (facts.fulfillment == "fulfilled" && facts.financial == "refunded")) {
        return OrderStatus::kReturned;
    }
    if (facts.fulfillment == "fulfilled") {
        return OrderStatus::kShipped;
    }
    if (facts.fulfillment == "partial") {
        return OrderStatus::kPartiallyShipped;
    }
    return UnfulfilledStatus(facts);
}

}  // namespace

std::string ExternalStatus(const StatusFacts& facts) {
    std::string out = facts.financial + "/" + facts.fulfillment;
    if (facts.cancelled) {
        out += "/cancelled";
    }
    if (facts.closed) {
        out += "/closed";
    }
    return out;
}

Result<OrderStatus> CanonicalStatus(const StatusFacts& facts,
                                    const std::map<std::string, std::string>& overrides) {
    auto overridden = kit::OverriddenStatus(ExternalStatus(facts), overrides);
    if (!overridden) {
        return tl::unexpected(overridden.error());
    }
    return overridden->value_or(DefaultStatus(facts));
}

Result<PaymentStatus> PaymentStatusOf(std::string_view financial) {
    if (financial == "expired") {
        return PaymentStatus::kVoided;
    }
    const auto status = ParsePaymentStatus(financial);
    if (!status) {
        return tl::unexpected(Error{
            ErrorCode::kInvalidPayload,
            "shopify order: financial_status: unknown value \"" + std::string(financial) + "\"",
            "financial_status",
            std::nullopt});
    }
    return *status;
}

std::string FinancialFromGraphql(std::string_view display_financial_status) {
    return LowerAscii(display_financial_status);
}

std::string FulfillmentFromGraphql(std::string_view display_fulfillment_status) {
    if (display_fulfillment_status == "PARTIALLY_FULFILLED") {
        return "partial";
    }
    if (display_fulfillment_status == "FULFILLED" || display_fulfillment_status == "RESTOCKED") {
        return LowerAscii(display_fulfillment_status);
    }
    return "unfulfilled";
}

std::string PaymentMethodOf(const std::vector<std::string>& gateways) {
    if (gateways.empty()) {
        return "unknown";
    }
    for (const auto& gateway : gateways) {
        const std::string lower = LowerAscii(gateway);
        if (lower == "cod" || Contains(lower, "cash on delivery") || Contains(lower, "(cod)")) {
            return "cod";
        }
    }
    const std::string first = LowerAscii(gateways.front());
    if (first == "shopify_payments") {
        return "card";
    }
    if (Contains(first, "bank deposit") || Contains(first, "bank transfer")) {
        return "bank_transfer";
    }
    return gateways.front();
}

std::vector<std::string> SplitTags(std::string_view tags) {
    std::vector<std::string> out;
    while (!tags.empty()) {
        const size_t comma = tags.find(',');
        std::string_view tag = tags.substr(0, comma);
        tags = comma == std::string_view::npos ? std::string_view() : tags.substr(comma + 1);
        const size_t first = tag.find_first_not_of(' ');
        if (first != std::string_view::npos) {
            out.emplace_back(tag.substr(first, tag.find_last_not_of(' ') - first + 1));
        }
    }
    return out;
}

std::optional<std::string> HubOf(const std::vector<std::string>& location_ids,
                                 const std::map<std::string, std::string>& location_hubs) {
    for (const auto& location : location_ids) {
        const auto found = location_hubs.find(location);
        if (found != location_hubs.end()) {
            return found->second;
        }
    }
    return std::nullopt;
}

Result<int64_t> LineTotal(const OrderLineItem& item, bool taxes_included) {
    return kit::LineTotal(item, !taxes_included, "shopify order");
}

}  // namespace scs::shopify
