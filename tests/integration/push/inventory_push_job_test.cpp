#include "push/inventory_plan.hpp"
#include "push_test_env.hpp"
#include "security/credential_seal.hpp"
#include "storage/listing_store.hpp"

namespace scs::testing {
namespace {

const InventoryKey kA1{"ia", "L1"};
const InventoryKey kA2{"ia", "L2"};
const InventoryKey kB1{"ib", "L1"};

class InventoryPushTest : public PushTest {
protected:
    void SetUp() override {
        PushTest::SetUp();
        for (const auto& key : {kA1, kA2, kB1}) {
            platform_->SetLevel(key, 0);
        }
    }

    const PushItem& ItemOf(const PushRecord& record,
                           const std::string& sku,
                           const std::string& hub) {
        for (const auto& item : record.items) {
            if (item.sku == sku && item.hub_code == hub) {
                return item;
            }
        }
        ADD_FAILURE() << "no item " << sku << "@" << hub;
        static const PushItem kNone;
        return kNone;
    }
};

TEST_P(InventoryPushTest, SetsMappedItemsAndReportsAnUnmappedHub) {
    const auto push = PushInventory({{"A", "H1", 5}, {"B", "H9", 3}, {"B", "H1", 2}});
    ASSERT_TRUE(RunJob(push));
    EXPECT_EQ(platform_->Level(kA1), 5);
    EXPECT_EQ(platform_->Level(kB1), 2);
    const auto record = Get(push.id);
    EXPECT_EQ(record.state, PushState::kDone);
    const auto& unmapped = ItemOf(record, "B", "H9");
    EXPECT_EQ(unmapped.state, PushItemState::kFailed);
    EXPECT_EQ(unmapped.error_code, kHubMappingNotFound);
    EXPECT_EQ(ItemOf(record, "A", "H1").state, PushItemState::kDone);
    EXPECT_EQ(ItemOf(record, "A", "H1").pushed_quantity, 5);
    EXPECT_EQ(ItemOf(record, "A", "H1").location_id, "L1");
    EXPECT_EQ(Ledger().size(), 2U);
    EXPECT_EQ(MetricOr0(R"(scs_push_items_total{state="failed"})"), 1);
    EXPECT_EQ(MetricOr0(R"(scs_push_items_total{state="done"})"), 2);
}

TEST_P(InventoryPushTest, HubsOfOneLocationAcrossPushesCoalesceIntoTheLatest) {
    const auto first = PushInventory({{"A", "H1", 5}});
    const auto second = PushInventory({{"A", "H2", 7}, {"A", "H3", 1}});
    ASSERT_TRUE(RunJob(first));
    EXPECT_EQ(platform_->Level(kA1), 7);
    EXPECT_EQ(platform_->Level(kA2), 1);
    ASSERT_EQ(platform_->SetCalls().size(), 1U);
    EXPECT_EQ(platform_->SetCalls()[0].items.size(), 2U) << "one set per SKU and location";
    const auto older = ItemOf(Get(first.id), "A", "H1");
    EXPECT_EQ(older.state, PushItemState::kSkipped);
    EXPECT_NE(older.detail.find("coalesced"), std::string::npos) << older.detail;
    EXPECT_EQ(Get(first.id).state, PushState::kSkipped);
    EXPECT_EQ(Get(second.id).state, PushState::kDone);
    EXPECT_TRUE(RunJob(second)) << "the second push's job finds nothing left";
    EXPECT_EQ(platform_->SetCalls().size(), 1U);
}

TEST_P(InventoryPushTest, LedgerSkipsAPushThatWouldNotChangeTheStore) {
    ASSERT_TRUE(RunJob(PushInventory({{"A", "H1", 5}})));
    const auto again = PushInventory({{"A", "H1", 5}});
    ASSERT_TRUE(RunJob(again));
    EXPECT_EQ(platform_->SetCalls().size(), 1U);
    const auto record = Get(again.id);
    EXPECT_EQ(record.state, PushState::kSkipped);
    EXPECT_EQ(record.items.at(0).pushed_quantity, 5);
}

TEST_P(InventoryPushTest, ChangeFromComesFromTheLedgerOrAReadAndSafetyStockIsHeldBack) {
    platform_->SetLevel(kA1, 4);
    UpdateConnection([](Connection& connection) { connection.settings.safety_stock = 2; });
    ASSERT_TRUE(RunJob(PushInventory({{"A", "H1", 10}})));
    ASSERT_EQ(platform_->SetCalls().size(), 1U);
    EXPECT_EQ(platform_->SetCalls()[0].items.at(0).change_from, 4) << "read from the store";
    EXPECT_EQ(platform_->Level(kA1), 8);
    ASSERT_TRUE(RunJob(PushInventory({{"A", "H1", 1}})));
    EXPECT_EQ(platform_->SetCalls().at(1).items.at(0).change_from, 8) << "from the ledger";
    EXPECT_EQ(platform_->Level(kA1), 0) << "never below zero";
}

TEST_P(InventoryPushTest, StaleLevelPushesTheSmallerOfTargetAndStore) {
    ASSERT_TRUE(RunJob(PushInventory({{"A", "H1", 5}, {"B", "H1", 5}})));
    platform_->Sell(kA1, 2);  // the store holds 3 the OMS has not counted
    platform_->SetLevel(kB1, 12);
    const auto push = PushInventory({{"A", "H1", 10}, {"B", "H1", 10}});
    ASSERT_TRUE(RunJob(push));
    EXPECT_EQ(platform_->Level(kA1), 3) << "setting 10 would sell units that are gone";
    EXPECT_EQ(platform_->Level(kB1), 10);
    const auto record = Get(push.id);
    EXPECT_EQ(ItemOf(record, "A", "H1").state, PushItemState::kSkipped);
    EXPECT_EQ(ItemOf(record, "A", "H1").pushed_quantity, 3);
    EXPECT_EQ(ItemOf(record, "B", "H1").state, PushItemState::kDone);
    for (const auto& entry : Ledger()) {
        EXPECT_EQ(entry.quantity, entry.sku == "A" ? 3 : 10) << entry.sku;
    }
}

TEST_P(InventoryPushTest, UnknownSkuAndUnstockedLocationFailTheirItems) {
    platform_->SetLevel(kB1, std::nullopt);
    const auto push = PushInventory({{"Z", "H1", 1}, {"B", "H1", 1}, {"A", "H1", 1}});
    ASSERT_TRUE(RunJob(push));
    const auto record = Get(push.id);
    EXPECT_EQ(ItemOf(record, "Z", "H1").error_code, kSkuNotFound);
    EXPECT_EQ(ItemOf(record, "B", "H1").error_code, kNotStocked);
    EXPECT_EQ(ItemOf(record, "A", "H1").state, PushItemState::kDone);
}

TEST_P(InventoryPushTest, RetryAfterALostAnswerReusesTheKeyAndAppliesOnce) {
    ASSERT_TRUE(RunJob(PushInventory({{"A", "H1", 5}})));
    const auto push = PushInventory({{"A", "H1", 8}});
    platform_->FailNext(1, ErrorCode::kTimeout, true);
    auto first = RunJob(push, 1);
    ASSERT_FALSE(first);
    EXPECT_EQ(first.error().code, ErrorCode::kTimeout);
    EXPECT_EQ(Get(push.id).state, PushState::kQueued);
    ASSERT_TRUE(RunJob(push, 2));
    const auto calls = platform_->SetCalls();
    ASSERT_EQ(calls.size(), 3U);
    EXPECT_EQ(calls[1].idempotency_key, calls[2].idempotency_key);
    EXPECT_EQ(platform_->AppliedSets(), 2) << "the retry was a replay";
    EXPECT_EQ(Get(push.id).state, PushState::kDone);
    EXPECT_EQ(platform_->Level(kA1), 8);
}

TEST_P(InventoryPushTest, TransientFailureRetriesThenTheLastDeliverySettlesFailed) {
    const auto push = PushInventory({{"A", "H1", 5}, {"B", "H9", 1}});
    platform_->FailNext(10, ErrorCode::kUnavailable);
    auto retried = RunJob(push, 1);
    ASSERT_FALSE(retried);
    EXPECT_EQ(retried.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(ItemOf(Get(push.id), "A", "H1").state, PushItemState::kQueued);
    EXPECT_EQ(ItemOf(Get(push.id), "B", "H9").state, PushItemState::kFailed)
        << "what was decided is settled";
    auto last = RunJob(push, kMaxReceives);
    ASSERT_FALSE(last) << "the last delivery still goes to the dead letters";
    const auto record = Get(push.id);
    EXPECT_EQ(record.state, PushState::kFailed);
    EXPECT_EQ(ItemOf(record, "A", "H1").error_code, "UNAVAILABLE");
    EXPECT_EQ(MetricOr0(R"(scs_pushes_total{kind="inventory",outcome="retried"})"), 1);
}

TEST_P(InventoryPushTest, RejectedCredentialsMarkReauthAndFailTheItems) {
    auto sealed = SealCredentials(*secrets_, connection_, {{"access_token", "revoked"}});
    ASSERT_TRUE(sealed);
    UpdateConnection([&](Connection& connection) { connection.credentials = *sealed; });
    const auto push = PushInventory({{"A", "H1", 5}});
    ASSERT_TRUE(RunJob(push));
    EXPECT_EQ(Get(push.id).state, PushState::kFailed);
    EXPECT_EQ(Get(push.id).items.at(0).error_code, "INVALID_CREDENTIALS");
    auto connection = env_->Db().Connections().Get(connection_.id);
    ASSERT_TRUE(connection);
    EXPECT_EQ(connection->status, ConnectionStatus::kReauthRequired);
}

TEST_P(InventoryPushTest, ARequestLargerThanOneBatchIsPushedInSeveral) {
    std::vector<Listing> listings;
    std::vector<InventoryLine> lines;
    for (int i = 0; i < 300; ++i) {
        const std::string sku = "S" + std::to_string(i);
        listings.push_back(Listing{sku, "p", "v" + sku, "i" + sku, sku, true});
        lines.push_back({sku, "H1", i});
        platform_->SetLevel(InventoryKey{"i" + sku, "L1"}, 1000);
    }
    ASSERT_TRUE(env_->Executor().Transact(TxMode::kWrite, [&](SqlSession& tx) -> Status {
        return UpsertListings(tx, connection_.id, 2, listings, env_->Clock().Now())
            .map([](const ListingUpsertCounts&) {});
    }));
    const auto push = PushInventory(lines);
    ASSERT_TRUE(RunJob(push));
    EXPECT_EQ(platform_->SetCalls().size(), 2U);
    EXPECT_EQ(Get(push.id).state, PushState::kDone);
    EXPECT_EQ(platform_->Level(InventoryKey{"iS299", "L1"}), 299);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         InventoryPushTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
