#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "connectors/connector.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"
#include "storage/sync_run_store.hpp"

// One page of a sync run, written in the caller's write transaction (DESIGN §4 "Sync"): every
// mapped order upserted, an outbox row for each created or updated one, poison records
// recorded on the run, the run checkpointed and the connection's cursor advanced, together.
namespace scs {

struct OrderPageContext {
    int64_t run_id = 0;
    int64_t connection_id = 0;
    bool count_recovered = false;  // a reconcile run: created orders are recovered ones
    TimePoint now{};
};

struct OrderPageTally {
    SyncRunCounts delta;  // pages = 1
    std::vector<SyncRunFailure> failures;
    std::optional<TimePoint> watermark;  // the latest platform updated_at on the page
};

// Writes `page` through `tx`. Pure apart from `tx`, so a retried transaction redoes it from
// scratch. Errors are the stores'; on error the caller's transaction rolls back.
[[nodiscard]] Result<OrderPageTally> WriteOrderPage(SqlSession& tx,
                                                    const OrderPageContext& context,
                                                    const OrderPage& page);

}  // namespace scs
