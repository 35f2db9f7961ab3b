#include "webhooks/customer_redaction.hpp"

#include <array>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "storage/order_store.hpp"

namespace scs {
namespace {

// Coarse location stays: it identifies no one and keeps regional reporting right.
constexpr std::array<std::string_view, 3> kKeptAddressFields = {"city", "region", "country_code"};

constexpr std::string_view kReplaceBodySql = "UPDATE orders SET body = $1 WHERE id = $2";

bool IsKept(std::string_view field) {
    for (const auto kept : kKeptAddressFields) {
        if (field == kept) {
            return true;
        }
    }
    return false;
}

void RedactAddress(boost::json::value* address) {
    if (address == nullptr || !address->is_object()) {
        return;
    }
    for (auto& [key, value] : address->as_object()) {
        if (!IsKept(key)) {
            value = nullptr;
        }
    }
}

Result<bool> RedactOne(SqlSession& tx, int64_t connection_id, const std::string& external_id) {
    auto stored = FindOrderByExternalId(tx, connection_id, external_id);
    if (!stored || !*stored) {
        return stored ? Result<bool>(false) : tl::unexpected(std::move(stored.error()));
    }
    auto redacted = RedactCustomerData((*stored)->body_json);
    if (!redacted) {
        return tl::unexpected(std::move(redacted.error()));
    }
    auto updated = tx.Exec(kReplaceBodySql, {*redacted, (*stored)->id});
    if (!updated) {
        return tl::unexpected(std::move(updated.error()));
    }
    return true;
}

}  // namespace

Result<std::string> RedactCustomerData(std::string_view order_json) {
    boost::system::error_code ec;
    auto parsed = boost::json::parse(order_json, ec);
    if (ec || !parsed.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "stored order body is not a JSON object");
    }
    auto& order = parsed.as_object();
    if (order.contains("customer")) {
        order["customer"] = nullptr;
    }
    RedactAddress(order.if_contains("shipping_address"));
    RedactAddress(order.if_contains("billing_address"));
    return boost::json::serialize(parsed);
}

Result<int64_t> RedactStoredOrders(SqlExecutor& executor,
                                   int64_t connection_id,
                                   const std::vector<std::string>& external_ids) {
    return TransactValue<int64_t>(executor, TxMode::kWrite, [&](SqlSession& tx) -> Result<int64_t> {
        int64_t redacted = 0;
        for (const auto& external_id : external_ids) {
            auto done = RedactOne(tx, connection_id, external_id);
            if (!done) {
                return tl::unexpected(std::move(done.error()));
            }
            redacted += *done ? 1 : 0;
        }
        return redacted;
    });
}

}  // namespace scs
