#include "sync/product_page_writer.hpp"

#include <string>

#include "storage/listing_store.hpp"

namespace scs {
namespace {

std::string JoinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        out += out.empty() ? id : ", " + id;
    }
    return out;
}

}  // namespace

Result<SyncRunCounts> WriteProductPage(SqlSession& tx,
                                       const ProductPageContext& context,
                                       const ProductPage& page) {
    auto upserted =
        UpsertListings(tx, context.connection_id, context.run_id, page.listings, context.now);
    if (!upserted) {
        return tl::unexpected(upserted.error());
    }
    SyncRunCounts delta;
    delta.pages = 1;
    delta.seen = static_cast<int64_t>(page.listings.size());
    delta.created = upserted->created;
    delta.updated = upserted->updated;
    delta.unchanged = upserted->unchanged;
    std::vector<SyncRunFailure> failures;
    for (const auto& listing : page.listings) {
        if (listing.sku.empty()) {
            ++delta.failed;
            failures.push_back(SyncRunFailure{listing.variant_id,
                                              "variant " + listing.variant_id + " of product " +
                                                  listing.product_id +
                                                  " has no SKU: its stock cannot be pushed"});
        }
    }
    if (auto checkpoint =
            CheckpointSyncRun(tx, context.run_id, page.next_cursor, std::nullopt, delta, failures);
        !checkpoint) {
        return tl::unexpected(checkpoint.error());
    }
    return delta;
}

Result<int64_t> FinishProductSync(SqlExecutor& executor, const ProductPageContext& context) {
    // Removal first, so variants deleted on the platform do not count as duplicates.
    auto removed = executor.Transact(TxMode::kWrite, [&](SqlSession& tx) -> Status {
        auto count = RemoveUnseenListings(tx, context.connection_id, context.run_id);
        return count ? Status{} : Status(tl::unexpected(count.error()));
    });
    if (!removed) {
        return tl::unexpected(removed.error());
    }
    auto duplicates = FindDuplicateSkus(executor, context.connection_id);
    if (!duplicates) {
        return tl::unexpected(duplicates.error());
    }
    std::vector<SyncRunFailure> failures;
    for (const auto& duplicate : *duplicates) {
        failures.push_back(SyncRunFailure{duplicate.sku,
                                          "SKU '" + duplicate.sku + "' is on several variants (" +
                                              JoinIds(duplicate.variant_ids) +
                                              "): its stock is not pushed until it is unique"});
    }
    SyncRunCounts delta;
    delta.failed = static_cast<int64_t>(failures.size());
    auto noted = executor.Transact(TxMode::kWrite, [&](SqlSession& tx) {
        return CheckpointSyncRun(tx, context.run_id, "", std::nullopt, delta, failures);
    });
    if (!noted) {
        return tl::unexpected(noted.error());
    }
    return static_cast<int64_t>(duplicates->size());
}

}  // namespace scs
