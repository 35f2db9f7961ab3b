#include "sync/order_upsert.hpp"

#include "core/order_json.hpp"
#include "jobs/outbox/outbox.hpp"
#include "security/crypto.hpp"

namespace scs {

std::string CanonicalContentHash(const Order& order) {
    return HexEncode(Sha256(CanonicalContentJson(order)));
}

Result<UpsertOutcome> UpsertOrderWithOutbox(SqlSession& tx,
                                            const Order& order,
                                            int64_t connection_id,
                                            TimePoint now) {
    auto outcome = UpsertOrder(tx, order, CanonicalContentHash(order), now, OrderToJson);
    if (!outcome || !OrderChanged(outcome->result)) {
        return outcome;
    }
    auto message = OrderOutboxMessage(
        order.id, outcome->version, std::to_string(connection_id), outcome->body_json);
    if (auto queued = AppendToOutbox(tx, message, now); !queued) {
        return tl::unexpected(std::move(queued.error()));
    }
    return outcome;
}

}  // namespace scs
