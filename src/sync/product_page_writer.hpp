#pragma once

#include <cstdint>
#include <vector>

#include "connectors/connector.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"
#include "storage/sync_run_store.hpp"

// One page of a products sync, written in the caller's write transaction: the page's listings
// upserted (stamped with the run), variants without a SKU recorded on the run, and the run
// checkpointed, together. After the last page, FinishProductSync removes what the platform no
// longer has and reports SKUs that several variants share.
namespace scs {

struct ProductPageContext {
    int64_t run_id = 0;
    int64_t connection_id = 0;
    TimePoint now{};
};

// Writes `page` through `tx` and returns the counts added to the run. Pure apart from `tx`.
[[nodiscard]] Result<SyncRunCounts> WriteProductPage(SqlSession& tx,
                                                     const ProductPageContext& context,
                                                     const ProductPage& page);

// The end of a complete products sync: deletes the connection's listings the run did not see
// and records every duplicated SKU on the run as a failure (the push refuses those SKUs until
// the seller fixes the catalogue). Returns how many SKUs are duplicated.
[[nodiscard]] Result<int64_t> FinishProductSync(SqlExecutor& executor,
                                                const ProductPageContext& context);

}  // namespace scs
