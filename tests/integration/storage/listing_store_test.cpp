#include "storage/listing_store.hpp"

#include <gtest/gtest.h>

#include "push_fixture.hpp"

namespace scs::testing {
namespace {

class ListingStoreTest : public MigratedStoreTest {
protected:
    Result<ListingUpsertCounts> Upsert(int64_t connection_id,
                                       int64_t run_id,
                                       const std::vector<Listing>& listings,
                                       int64_t at_millis = kPushT0) {
        return Write<ListingUpsertCounts>([&](SqlSession& tx) {
            return UpsertListings(tx, connection_id, run_id, listings, FromUnixMillis(at_millis));
        });
    }

    void UpsertOk(int64_t connection_id, int64_t run_id, const std::vector<Listing>& listings) {
        auto counts = Upsert(connection_id, run_id, listings);
        ASSERT_TRUE(counts) << counts.error().message;
    }

    std::vector<StoredListing> All(int64_t connection_id) {
        auto page = ListListings(Executor(), {connection_id, "", "", 200});
        EXPECT_TRUE(page) << page.error().message;
        return page ? page->listings : std::vector<StoredListing>{};
    }

    std::map<std::string, std::vector<StoredListing>> BySku(int64_t connection_id,
                                                            const std::vector<std::string>& skus) {
        auto found = Write<std::map<std::string, std::vector<StoredListing>>>(
            [&](SqlSession& tx) { return FindListingsBySku(tx, connection_id, skus); });
        EXPECT_TRUE(found) << found.error().message;
        return found.value_or(std::map<std::string, std::vector<StoredListing>>{});
    }
};

Listing MakeListing(const std::string& sku, const std::string& variant) {
    return Listing{sku, "p-" + variant, variant, "inv-" + variant, "Shirt / " + variant, true};
}

std::vector<std::string> Variants(const std::vector<StoredListing>& listings) {
    std::vector<std::string> variants;
    variants.reserve(listings.size());
    for (const auto& stored : listings) {
        variants.push_back(stored.listing.variant_id);
    }
    return variants;
}

TEST_P(ListingStoreTest, UpsertCountsCreatedUpdatedAndUnchanged) {
    auto first =
        Upsert(7, 1, {MakeListing("A", "v1"), MakeListing("B", "v2"), MakeListing("C", "v3")});
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->created, 3);
    EXPECT_EQ(first->updated + first->unchanged, 0);
    Listing changed = MakeListing("B", "v2");
    changed.tracked = false;
    changed.inventory_item_id.clear();
    auto second =
        Upsert(7, 2, {MakeListing("A", "v1"), changed, MakeListing("D", "v4")}, kPushT0 + 5);
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->created, 1);
    EXPECT_EQ(second->updated, 1);
    EXPECT_EQ(second->unchanged, 1);
    const auto stored = All(7);
    ASSERT_EQ(Variants(stored), (std::vector<std::string>{"v1", "v2", "v3", "v4"}));
    EXPECT_EQ(stored[0].connection_id, 7);
    EXPECT_EQ(stored[0].listing, MakeListing("A", "v1"));
    EXPECT_EQ(stored[0].last_seen_run, 2);                     // re-stamped
    EXPECT_EQ(stored[0].updated_at, FromUnixMillis(kPushT0));  // content unchanged
    EXPECT_EQ(stored[1].listing, changed);
    EXPECT_EQ(stored[1].updated_at, FromUnixMillis(kPushT0 + 5));
    EXPECT_EQ(stored[2].last_seen_run, 1);
    EXPECT_TRUE(FailedWith(Upsert(7, 3, {MakeListing("E", "")}), ErrorCode::kBadRequest));
}

TEST_P(ListingStoreTest, RemoveUnseenDeletesWhatTheRunDidNotSee) {
    UpsertOk(7, 1, {MakeListing("A", "v1"), MakeListing("B", "v2"), MakeListing("C", "v3")});
    UpsertOk(8, 1, {MakeListing("A", "v1")});
    UpsertOk(7, 2, {MakeListing("A", "v1")});
    UpsertOk(7, 3, {MakeListing("C", "v3")});  // a later run saw v3: it stays
    auto removed = Write<int64_t>([](SqlSession& tx) { return RemoveUnseenListings(tx, 7, 2); });
    ASSERT_TRUE(removed) << removed.error().message;
    EXPECT_EQ(*removed, 1);
    EXPECT_EQ(Variants(All(7)), (std::vector<std::string>{"v1", "v3"}));
    EXPECT_EQ(All(8).size(), 1U);
}

TEST_P(ListingStoreTest, FindsDuplicateSkusButNotEmptyOnes) {
    UpsertOk(7,
             1,
             {MakeListing("A", "v3"),
              MakeListing("B", "v2"),
              MakeListing("A", "v1"),
              MakeListing("", "v4"),
              MakeListing("", "v5"),
              MakeListing("C", "v6"),
              MakeListing("C", "v7"),
              MakeListing("C", "v8")});
    UpsertOk(8, 1, {MakeListing("B", "v9")});
    auto duplicates = FindDuplicateSkus(Executor(), 7);
    ASSERT_TRUE(duplicates) << duplicates.error().message;
    EXPECT_EQ(*duplicates,
              (std::vector<DuplicateSku>{{"A", {"v1", "v3"}}, {"C", {"v6", "v7", "v8"}}}));
    auto none = FindDuplicateSkus(Executor(), 8);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST_P(ListingStoreTest, FindsListingsBySku) {
    UpsertOk(7, 1, {MakeListing("A", "v1"), MakeListing("A", "v2"), MakeListing("B", "v3")});
    UpsertOk(8, 1, {MakeListing("B", "v4")});
    const auto found = BySku(7, {"A", "B", "missing", "A"});
    ASSERT_EQ(found.size(), 2U);
    EXPECT_EQ(Variants(found.at("A")), (std::vector<std::string>{"v1", "v2"}));
    EXPECT_EQ(Variants(found.at("B")), (std::vector<std::string>{"v3"}));
    EXPECT_EQ(found.at("B").front().listing, MakeListing("B", "v3"));
    EXPECT_TRUE(BySku(7, {}).empty());
    EXPECT_TRUE(BySku(9, {"A"}).empty());
}

TEST_P(ListingStoreTest, ListsInPagesBySkuAndVariant) {
    UpsertOk(7,
             1,
             {MakeListing("B", "v5"),
              MakeListing("A", "v2"),
              MakeListing("A", "v1"),
              MakeListing("", "v9"),
              MakeListing("C", "v3")});
    std::vector<std::string> seen;
    ListingQuery query{7, "", "", 2};
    for (int page = 0; page < 5; ++page) {
        auto listed = ListListings(Executor(), query);
        ASSERT_TRUE(listed) << listed.error().message;
        for (const auto& stored : listed->listings) {
            seen.push_back(stored.listing.sku + "/" + stored.listing.variant_id);
        }
        if (listed->next_cursor.empty()) {
            break;
        }
        query.cursor = listed->next_cursor;
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"/v9", "A/v1", "A/v2", "B/v5", "C/v3"}));
    auto only_a = ListListings(Executor(), {7, "A", "", 50});
    ASSERT_TRUE(only_a);
    EXPECT_EQ(Variants(only_a->listings), (std::vector<std::string>{"v1", "v2"}));
    for (const char* cursor : {"%%%", "QQ"}) {
        auto bad = ListListings(Executor(), {7, "", cursor, 50});
        ASSERT_FALSE(bad) << cursor;
        EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
        EXPECT_EQ(bad.error().field, "cursor");
    }
    for (const int limit : {0, 201}) {
        auto bad = ListListings(Executor(), {7, "", "", limit});
        ASSERT_FALSE(bad);
        EXPECT_EQ(bad.error().field, "limit");
    }
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         ListingStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
