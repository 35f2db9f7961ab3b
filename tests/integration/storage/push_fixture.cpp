#include "push_fixture.hpp"

namespace scs::testing {

void MigratedStoreTest::SetUp() {
    test_db_ = TestDatabase::Create(GetParam());
    if (!test_db_) {
        return;
    }
    database_ = test_db_->OpenMigrated(config_);
    ASSERT_NE(database_, nullptr);
}

void MigratedStoreTest::TearDown() {
    database_.reset();
    test_db_.reset();
}

Result<CreatedPush> MigratedStoreTest::Create(const PushRecord& record, int64_t at_millis) {
    return Write<CreatedPush>(
        [&](SqlSession& tx) { return CreatePush(tx, record, FromUnixMillis(at_millis)); });
}

PushRecord MigratedStoreTest::CreateOk(const PushRecord& record, int64_t at_millis) {
    auto created = Create(record, at_millis);
    EXPECT_TRUE(created) << created.error().message;
    if (!created) {
        return {};
    }
    EXPECT_TRUE(created->created);
    return created->record;
}

PushRecord MigratedStoreTest::GetOk(int64_t connection_id, int64_t push_id) {
    auto push = GetPush(Executor(), connection_id, push_id);
    EXPECT_TRUE(push) << push.error().message;
    return push.value_or(PushRecord{});
}

PushItem MakeItem(const std::string& sku, const std::string& hub, int64_t quantity) {
    PushItem item;
    item.sku = sku;
    item.hub_code = hub;
    item.quantity = quantity;
    return item;
}

PushRecord MakeInventoryPush(int64_t connection_id,
                             const std::string& key,
                             std::vector<PushItem> items) {
    PushRecord record;
    record.connection_id = connection_id;
    record.seller_id = "seller-" + std::to_string(connection_id);
    record.kind = PushKind::kInventory;
    record.idempotency_key = key;
    record.request_json = R"({"items":[]})";
    record.items = std::move(items);
    return record;
}

PushRecord MakeOrderPush(int64_t connection_id, PushKind kind, const std::string& key) {
    PushRecord record;
    record.connection_id = connection_id;
    record.seller_id = "seller-" + std::to_string(connection_id);
    record.kind = kind;
    record.idempotency_key = key;
    record.order_external_id = "450789469";
    record.request_json = R"({"tracking_number":"1Z999","carrier":"UPS"})";
    return record;
}

}  // namespace scs::testing
