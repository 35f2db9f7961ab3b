// The products sync against real stores: the listing table filled page by page, variants
// without a SKU and duplicated SKUs reported on the run, variants gone from the platform removed,
// and the products freeze time.
#include <gtest/gtest.h>

#include "storage/listing_store.hpp"
#include "sync_env.hpp"

namespace scs::testing {
namespace {

Listing Variant(const std::string& id, const std::string& sku, const std::string& title = "") {
    return Listing{sku, "p" + id, id, "ii" + id, title.empty() ? "Product / " + id : title, true};
}

std::vector<Listing> Catalogue() {
    return {Variant("1", "SKU-1"),
            Variant("2", "SKU-2"),
            Variant("3", ""),
            Variant("4", "DUP"),
            Variant("5", "DUP"),
            Variant("6", "SKU-6"),
            Variant("7", "SKU-7")};
}

class ProductsSyncTest : public SyncTest {
protected:
    std::vector<StoredListing> Listings() {
        auto page = ListListings(env_->Executor(), ListingQuery{connection_.id, "", "", 200});
        EXPECT_TRUE(page) << page.error().message;
        return page ? page->listings : std::vector<StoredListing>{};
    }

    SyncRun SyncAll() {
        const SyncRun run = TriggerProducts();
        EXPECT_TRUE(RunNextJob()) << "products job failed";
        return Run(run.id);
    }
};

TEST_P(ProductsSyncTest, FillsListingsAndReportsMissingAndDuplicateSkus) {
    platform_->SetListings(Catalogue(), 3);
    const SyncRun run = SyncAll();
    EXPECT_EQ(run.entity, "products");
    EXPECT_EQ(run.status, SyncRunStatus::kSucceeded) << run.error;
    EXPECT_EQ(run.counts.pages, 3);
    EXPECT_EQ(run.counts.seen, 7);
    EXPECT_EQ(run.counts.created, 7);
    EXPECT_EQ(run.counts.failed, 2);  // variant 3 without a SKU, and SKU DUP
    ASSERT_EQ(run.failures.size(), 2U);
    EXPECT_EQ(run.failures[0].external_id, "3");
    EXPECT_NE(run.failures[0].error.find("no SKU"), std::string::npos);
    EXPECT_EQ(run.failures[1].external_id, "DUP");
    EXPECT_NE(run.failures[1].error.find("4, 5"), std::string::npos) << run.failures[1].error;
    EXPECT_EQ(Listings().size(), 7U);

    auto by_sku = TransactValue<std::map<std::string, std::vector<StoredListing>>>(
        env_->Executor(), TxMode::kRead, [&](SqlSession& session) {
            return FindListingsBySku(session, connection_.id, {"SKU-1", "DUP", "NOPE"});
        });
    ASSERT_TRUE(by_sku) << by_sku.error().message;
    ASSERT_EQ(by_sku->count("SKU-1"), 1U);
    EXPECT_EQ(by_sku->at("SKU-1").at(0).listing.inventory_item_id, "ii1");
    EXPECT_EQ(by_sku->at("DUP").size(), 2U);
    EXPECT_EQ(by_sku->count("NOPE"), 0U);
}

TEST_P(ProductsSyncTest, ResyncUpdatesChangedAndRemovesDeletedVariants) {
    platform_->SetListings(Catalogue(), 3);
    ASSERT_EQ(SyncAll().status, SyncRunStatus::kSucceeded);

    auto changed = Catalogue();
    changed.erase(changed.begin() + 4);             // variant 5 deleted: DUP is unique again
    changed[0] = Variant("1", "SKU-1", "Renamed");  // variant 1 renamed
    platform_->SetListings(changed, 3);
    env_->Clock().Advance(std::chrono::minutes(6));  // past the products freeze time
    const SyncRun second = SyncAll();
    EXPECT_EQ(second.status, SyncRunStatus::kSucceeded) << second.error;
    EXPECT_EQ(second.counts.created, 0);
    EXPECT_EQ(second.counts.updated, 1);
    EXPECT_EQ(second.counts.unchanged, 5);
    EXPECT_EQ(second.counts.failed, 1);  // only the variant without a SKU
    const auto listings = Listings();
    ASSERT_EQ(listings.size(), 6U);
    for (const auto& stored : listings) {
        EXPECT_NE(stored.listing.variant_id, "5");
        if (stored.listing.variant_id == "1") {
            EXPECT_EQ(stored.listing.title, "Renamed");
        }
    }
}

TEST_P(ProductsSyncTest, SecondTriggerInsideTheFreezeTimeIsRefused) {
    platform_->SetListings(Catalogue(), 10);
    ASSERT_EQ(SyncAll().status, SyncRunStatus::kSucceeded);
    env_->Clock().Advance(std::chrono::minutes(4));
    auto again =
        service_->Trigger(connection_, SyncRequest{"products", std::nullopt, SyncTrigger::kManual});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kRateLimited);
    ASSERT_TRUE(again.error().retry_after);
    EXPECT_EQ(again.error().retry_after->count(), 60);
    // Orders are not frozen by a products sync.
    EXPECT_TRUE(
        service_->Trigger(connection_, SyncRequest{"orders", std::nullopt, SyncTrigger::kManual}));
}

TEST_P(ProductsSyncTest, TransientPlatformFailureResumesFromTheCheckpoint) {
    platform_->SetListings(Catalogue(), 3);
    platform_->FailAt("3", ErrorCode::kUnavailable);
    const SyncRun run = TriggerProducts();
    EXPECT_FALSE(RunNextJob());
    EXPECT_EQ(Listings().size(), 3U);
    platform_->ClearFailure();
    EXPECT_TRUE(RunNextJob());
    const SyncRun done = Run(run.id);
    EXPECT_EQ(done.status, SyncRunStatus::kSucceeded) << done.error;
    EXPECT_EQ(done.counts.created, 7);
    EXPECT_EQ(Listings().size(), 7U);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         ProductsSyncTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
