#include "sync/order_page_writer.hpp"

#include <string>

#include "storage/order_store.hpp"
#include "sync/order_upsert.hpp"

namespace scs {
namespace {

void RaiseWatermark(std::optional<TimePoint>& watermark, std::optional<TimePoint> seen) {
    if (seen && (!watermark || *seen > *watermark)) {
        watermark = seen;
    }
}

void Tally(UpsertResult result, bool count_recovered, SyncRunCounts& delta) {
    switch (result) {
        case UpsertResult::kCreated:
            ++delta.created;
            delta.recovered += count_recovered ? 1 : 0;
            return;
        case UpsertResult::kUpdated:
            ++delta.updated;
            return;
        case UpsertResult::kUnchanged:
        case UpsertResult::kStale:
            ++delta.unchanged;
            return;
    }
}

Status WriteOrder(SqlSession& tx,
                  const OrderPageContext& context,
                  const Order& order,
                  OrderPageTally& tally) {
    auto outcome = UpsertOrderWithOutbox(tx, order, context.connection_id, context.now);
    if (!outcome) {
        return tl::unexpected(outcome.error());
    }
    Tally(outcome->result, context.count_recovered, tally.delta);
    return {};
}

}  // namespace

Result<OrderPageTally> WriteOrderPage(SqlSession& tx,
                                      const OrderPageContext& context,
                                      const OrderPage& page) {
    OrderPageTally tally;
    tally.delta.pages = 1;
    for (const FetchedOrder& fetched : page.orders) {
        ++tally.delta.seen;
        RaiseWatermark(tally.watermark, fetched.updated_at);
        if (!fetched.order) {
            ++tally.delta.failed;
            tally.failures.push_back(
                SyncRunFailure{fetched.external_id, fetched.order.error().message});
            continue;
        }
        if (auto written = WriteOrder(tx, context, *fetched.order, tally); !written) {
            return tl::unexpected(written.error());
        }
    }
    if (auto checkpoint = CheckpointSyncRun(
            tx, context.run_id, page.next_cursor, tally.watermark, tally.delta, tally.failures);
        !checkpoint) {
        return tl::unexpected(checkpoint.error());
    }
    if (tally.watermark) {
        if (auto advanced =
                AdvanceSyncCursor(tx, context.connection_id, "orders", *tally.watermark);
            !advanced) {
            return tl::unexpected(advanced.error());
        }
    }
    return tally;
}

}  // namespace scs
