#include "order_fixture.hpp"

#include "core/order_json.hpp"
#include "sync/order_upsert.hpp"

namespace scs::testing {

Order MakeOrder(const std::string& seller,
                int64_t connection_id,
                const std::string& external_id,
                int64_t updated_ms,
                const std::string& note) {
    Order order;
    order.id = "shopify-" + std::to_string(connection_id) + "-" + external_id;
    order.seller_id = seller;
    order.seller_sales_channel_id = connection_id;
    order.sales_channel = "shopify";
    order.external_id = external_id;
    order.reference = "#" + external_id;
    order.status = OrderStatus::kConfirmed;
    order.external_status = "paid/unfulfilled";
    order.currency = "KWD";
    order.totals = {12'500, 0, 1'000, 0, 13'500, false};
    OrderLineItem item;
    item.external_id = external_id + "-1";
    item.name = "قميص قطني";
    item.quantity = 1;
    item.unit_price = 12'500;
    item.total = 12'500;
    order.line_items = {item};
    order.payment.status = PaymentStatus::kPaid;
    order.payment.method = "card";
    if (!note.empty()) {
        order.note = note;
    }
    order.created_at = FromUnixMillis(1'767'225'600'000);
    order.updated_at = FromUnixMillis(updated_ms);
    return order;
}

Result<UpsertOutcome> UpsertInTx(SqlExecutor& executor, const Order& order, TimePoint now) {
    const std::string hash = CanonicalContentHash(order);
    return TransactValue<UpsertOutcome>(executor, TxMode::kWrite, [&](SqlSession& tx) {
        return UpsertOrder(tx, order, hash, now, OrderToJson);
    });
}

}  // namespace scs::testing
