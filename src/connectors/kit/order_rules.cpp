#include "connectors/kit/order_rules.hpp"

#include <algorithm>

namespace scs::kit {

std::optional<OrderStatus> LookUpStatus(std::span<const StatusRow> table, std::string_view name) {
    for (const auto& [row_name, canonical] : table) {
        if (row_name == name) {
            return canonical;
        }
    }
    return std::nullopt;
}

Result<std::optional<OrderStatus>> OverriddenStatus(
    std::string_view key, const std::map<std::string, std::string>& overrides) {
    const auto found = overrides.find(std::string(key));
    if (found == overrides.end()) {
        return std::nullopt;
    }
    const auto status = ParseOrderStatus(found->second);
    if (!status) {
        return FailField("status_mapping",
                         "status override \"" + found->first + "\" -> \"" + found->second +
                             "\" names no canonical status");
    }
    return status;
}

std::string PaymentMethodOf(std::span<const PaymentMethodRow> table, std::string_view gateway) {
    if (gateway.empty()) {
        return "unknown";
    }
    for (const auto& [id, method] : table) {
        if (id == gateway) {
            return std::string(method);
        }
    }
    return std::string(gateway);
}

Result<int64_t> LineTotal(const OrderLineItem& item, bool add_tax, std::string_view subject) {
    int64_t total = 0;
    const bool overflow = __builtin_mul_overflow(item.quantity, item.unit_price, &total) ||
                          __builtin_sub_overflow(total, item.discount.value_or(0), &total) ||
                          (add_tax && __builtin_add_overflow(total, item.tax.value_or(0), &total));
    if (overflow) {
        return Fail(
            ErrorCode::kInvalidPayload,
            std::string(subject) + ": line item " + item.external_id + ": total out of range");
    }
    return total;
}

std::string CanonicalOrderId(std::string_view tag,
                             int64_t connection_id,
                             std::string_view external_id) {
    return std::string(tag) + ":" + std::to_string(connection_id) + ":" + std::string(external_id);
}

std::string UpperAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    });
    return out;
}

std::string LowerAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

bool IsCountryCode(std::string_view code) {
    return code.size() == 2 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace scs::kit
