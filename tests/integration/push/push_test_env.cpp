#include "push_test_env.hpp"

#include "connectors/catalogue.hpp"
#include "jobs/worker/job.hpp"
#include "security/credential_seal.hpp"
#include "storage/listing_store.hpp"

namespace scs::testing {
namespace {

Listing ListingOf(const std::string& sku, const std::string& item) {
    return Listing{sku, "p-" + sku, "v-" + sku, item, sku, true};
}

}  // namespace

void PushTest::SetUp() {
    env_ = OutboxTestEnv::Create(GetParam());
    if (!env_) {
        GTEST_SKIP();
    }
    auto box = SecretBox::Create({MasterKey{"k1", std::string(32, 'k')}});
    ASSERT_TRUE(box);
    secrets_ = std::make_unique<SecretBox>(std::move(*box));
    registry_ = std::make_unique<ConnectorRegistry>(BuiltinCatalogue());
    registry_->Add("shopify", [platform = platform_](const ConnectorDeps&) {
        return MakeFakePushConnector(platform);
    });
    push_metrics_ = std::make_unique<PushMetrics>(metrics_);
    service_ =
        std::make_unique<PushService>(PushServiceDeps{env_->Executor(), env_->Clock(), [this] {
                                                          ++notified_;
                                                      }});
    const PushJobDeps deps{env_->Executor(),
                           env_->Db().Connections(),
                           *registry_,
                           *secrets_,
                           nullptr,
                           env_->Clock(),
                           *push_metrics_,
                           kMaxReceives};
    inventory_job_ = std::make_unique<InventoryPushJob>(deps);
    fulfillment_job_ = std::make_unique<FulfillmentPushJob>(deps);
    status_job_ = std::make_unique<StatusPushJob>(deps);

    Connection connection;
    connection.seller_id = "s1";
    connection.platform = "shopify";
    connection.name = "shop";
    connection.store_id = UniqueName("shop") + ".myshopify.com";
    connection.settings.hub_locations = {{"H1", "L1"}, {"H2", "L1"}, {"H3", "L2"}};
    connection.created_at = connection.updated_at = env_->Clock().Now();
    auto created = env_->Db().Connections().Create(connection);
    ASSERT_TRUE(created) << created.error().message;
    auto sealed = SealCredentials(*secrets_, *created, {{"access_token", "good"}});
    ASSERT_TRUE(sealed);
    created->credentials = *sealed;
    created->credential_fields = {"access_token"};
    auto updated = env_->Db().Connections().Update(*created);
    ASSERT_TRUE(updated) << updated.error().message;
    connection_ = *updated;

    auto listed = env_->Executor().Transact(TxMode::kWrite, [&](SqlSession& tx) -> Status {
        return UpsertListings(tx,
                              connection_.id,
                              1,
                              {ListingOf("A", "ia"), ListingOf("B", "ib")},
                              env_->Clock().Now())
            .map([](const ListingUpsertCounts&) {});
    });
    ASSERT_TRUE(listed) << listed.error().message;
}

void PushTest::TearDown() {
    inventory_job_.reset();
    fulfillment_job_.reset();
    status_job_.reset();
    service_.reset();
    env_.reset();
}

PushRecord PushTest::PushInventory(const std::vector<InventoryLine>& items) {
    auto created = service_->EnqueueInventory(connection_, InventoryPushRequest{items, ""});
    if (!created) {
        ADD_FAILURE() << "push refused: " << created.error().message;
        return PushRecord{};
    }
    return created->record;
}

Status PushTest::RunJob(const PushRecord& record, int receive_count) {
    const std::string payload = "{\"connection_id\":" + std::to_string(record.connection_id) +
                                ",\"push_id\":" + std::to_string(record.id) + "}";
    ReceivedMessage message;
    message.receive_count = receive_count;
    const std::atomic<bool> stop{false};
    JobContext context("push", message, stop, {});
    switch (record.kind) {
        case PushKind::kInventory:
            return inventory_job_->Run(Job{std::string(kPushInventoryJobType), payload}, context);
        case PushKind::kFulfillment:
            return fulfillment_job_->Run(Job{std::string(kPushFulfillmentJobType), payload},
                                         context);
        case PushKind::kStatus:
            break;
    }
    return status_job_->Run(Job{std::string(kPushStatusJobType), payload}, context);
}

PushRecord PushTest::Get(int64_t push_id) {
    auto record = GetPush(env_->Executor(), connection_.id, push_id);
    if (!record) {
        ADD_FAILURE() << record.error().message;
        return PushRecord{};
    }
    return *record;
}

void PushTest::UpdateConnection(const std::function<void(Connection&)>& change) {
    change(connection_);
    auto updated = env_->Db().Connections().Update(connection_);
    ASSERT_TRUE(updated) << updated.error().message;
    connection_ = *updated;
}

std::vector<LedgerEntry> PushTest::Ledger() {
    auto page = ListLedger(env_->Executor(), LedgerQuery{connection_.id, "", "", 200});
    EXPECT_TRUE(page) << (page ? "" : page.error().message);
    return page ? page->entries : std::vector<LedgerEntry>{};
}

int64_t PushTest::MetricOr0(const std::string& series) const {
    return static_cast<int64_t>(MetricValue(metrics_, series).value_or(0));
}

}  // namespace scs::testing
