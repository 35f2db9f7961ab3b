#include <gtest/gtest.h>

#include "storage_backend.hpp"

namespace scs::testing {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// A migrated database of the parameter's dialect per test, and helpers over its store.
class ConnectionStoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        test_db_ = TestDatabase::Create(GetParam());
        if (!test_db_) {
            return;
        }
        database_ = test_db_->OpenMigrated();
        ASSERT_NE(database_, nullptr);
    }

    void TearDown() override {
        database_.reset();
        test_db_.reset();
    }

    ConnectionStore& Store() { return database_->Connections(); }

    Connection CreateOk(const Connection& connection) {
        auto created = Store().Create(connection);
        EXPECT_TRUE(created) << created.error().message;
        return created ? *created : Connection{};
    }

    Connection Disconnect(Connection connection) {
        connection.status = ConnectionStatus::kDisconnected;
        auto updated = Store().Update(connection);
        EXPECT_TRUE(updated) << updated.error().message;
        return updated ? *updated : Connection{};
    }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
};

Connection FullConnection() {
    Connection connection;
    connection.seller_id = "seller-7";
    connection.platform = "amazon";
    connection.name = "متجر الرياض — Riyadh Store";
    connection.store_id = "A1B2C3D4E5";
    connection.marketplaces = {"A17E79C6D8DWNP", "A2VIGQ35RCS4UG"};
    connection.status = ConnectionStatus::kPaused;
    connection.settings.hub_locations = {{"RUH-1", "loc-11"}, {"JED-2", "مستودع جدة"}};
    connection.settings.status_mapping = {{"Shipped", "shipped"}, {"Unshipped", "confirmed"}};
    connection.settings.freeze_times = {{"orders", minutes(2)}, {"products", seconds(90)}};
    connection.settings.safety_stock = 3;
    connection.credential_fields = {"client_id", "client_secret", "refresh_token"};
    connection.credentials = {"key-2026-01", "bm9uY2V8Y2lwaGVydGV4dHx0YWc="};
    connection.created_at = FromUnixMillis(1'767'225'600'123);
    connection.updated_at = FromUnixMillis(1'767'225'600'456);
    return connection;
}

TEST_P(ConnectionStoreTest, CreateAndGetRoundTripEveryField) {
    const Connection input = FullConnection();
    const Connection created = CreateOk(input);
    EXPECT_GT(created.id, 0);
    Connection expected = input;
    expected.id = created.id;
    ExpectSameConnection(created, expected);

    auto read = Store().Get(created.id);
    ASSERT_TRUE(read) << read.error().message;
    ExpectSameConnection(*read, expected);
}

TEST_P(ConnectionStoreTest, EmptyCollectionsRoundTrip) {
    const Connection created = CreateOk(MakeConnection("s", "shopify", "a.myshopify.com"));
    auto read = Store().Get(created.id);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_TRUE(read->marketplaces.empty());
    EXPECT_EQ(read->settings, ConnectionSettings{});
    EXPECT_TRUE(read->credentials.Empty());
    EXPECT_EQ(read->status, ConnectionStatus::kActive);
}

TEST_P(ConnectionStoreTest, IdsIncrease) {
    const Connection first = CreateOk(MakeConnection("s", "shopify", "a.myshopify.com"));
    const Connection second = CreateOk(MakeConnection("s", "shopify", "b.myshopify.com"));
    EXPECT_GT(second.id, first.id);
}

TEST_P(ConnectionStoreTest, GetMissingIsNotFound) {
    auto read = Store().Get(424242);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
}

TEST_P(ConnectionStoreTest, SecondLiveConnectionToAStoreConflicts) {
    CreateOk(MakeConnection("seller-a", "shopify", "shop.myshopify.com"));
    auto duplicate = Store().Create(MakeConnection("seller-b", "shopify", "shop.myshopify.com"));
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
    EXPECT_NE(duplicate.error().message.find("shop.myshopify.com"), std::string::npos);
    // The same store id on another platform is another store.
    EXPECT_TRUE(Store().Create(MakeConnection("seller-b", "woocommerce", "shop.myshopify.com")));
}

TEST_P(ConnectionStoreTest, StoreCanBeConnectedAgainAfterDisconnect) {
    const Connection old = Disconnect(CreateOk(MakeConnection("s", "salla", "merchant-1")));
    const Connection fresh = CreateOk(MakeConnection("s", "salla", "merchant-1"));
    EXPECT_NE(fresh.id, old.id);

    auto kept = Store().Get(old.id);
    ASSERT_TRUE(kept) << kept.error().message;
    EXPECT_EQ(kept->status, ConnectionStatus::kDisconnected);
    auto found = Store().FindByStore("salla", "merchant-1");
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->id, fresh.id);
    // Two disconnected connections to one store are history, not a conflict.
    Disconnect(fresh);
    EXPECT_TRUE(Store().Create(MakeConnection("s", "salla", "merchant-1")));
}

TEST_P(ConnectionStoreTest, UpdateReplacesMutableFieldsOnly) {
    const Connection created = CreateOk(MakeConnection("seller-a", "zid", "store-1"));
    Connection change = FullConnection();
    change.id = created.id;
    auto updated = Store().Update(change);
    ASSERT_TRUE(updated) << updated.error().message;

    Connection expected = change;
    expected.seller_id = created.seller_id;    // never changes
    expected.platform = created.platform;      // never changes
    expected.created_at = created.created_at;  // never changes
    ExpectSameConnection(*updated, expected);
    auto read = Store().Get(created.id);
    ASSERT_TRUE(read) << read.error().message;
    ExpectSameConnection(*read, expected);
}

TEST_P(ConnectionStoreTest, UpdateOfMissingIdIsNotFound) {
    Connection ghost = MakeConnection("s", "noon", "partner-1");
    ghost.id = 987654;
    auto updated = Store().Update(ghost);
    ASSERT_FALSE(updated);
    EXPECT_EQ(updated.error().code, ErrorCode::kNotFound);
}

TEST_P(ConnectionStoreTest, UpdateOntoAnotherLiveStoreConflicts) {
    CreateOk(MakeConnection("s", "shopify", "one.myshopify.com"));
    Connection second = CreateOk(MakeConnection("s", "shopify", "two.myshopify.com"));
    second.store_id = "one.myshopify.com";
    auto updated = Store().Update(second);
    ASSERT_FALSE(updated);
    EXPECT_EQ(updated.error().code, ErrorCode::kConflict);
    auto unchanged = Store().Get(second.id);
    ASSERT_TRUE(unchanged);
    EXPECT_EQ(unchanged->store_id, "two.myshopify.com");
}

TEST_P(ConnectionStoreTest, ListBySellerShowsOnlyThatSellersLiveConnectionsInIdOrder) {
    const Connection a1 = CreateOk(MakeConnection("seller-a", "shopify", "a1"));
    const Connection b1 = CreateOk(MakeConnection("seller-b", "shopify", "b1"));
    const Connection a2 = CreateOk(MakeConnection("seller-a", "woocommerce", "a2"));
    Disconnect(CreateOk(MakeConnection("seller-a", "zid", "a3")));
    Connection paused = MakeConnection("seller-a", "salla", "a4");
    paused.status = ConnectionStatus::kReauthRequired;
    const Connection a4 = CreateOk(paused);

    auto listed = Store().ListBySeller("seller-a");
    ASSERT_TRUE(listed) << listed.error().message;
    ASSERT_EQ(listed->size(), 3U);
    EXPECT_EQ((*listed)[0].id, a1.id);
    EXPECT_EQ((*listed)[1].id, a2.id);
    EXPECT_EQ((*listed)[2].id, a4.id);

    auto others = Store().ListBySeller("seller-b");
    ASSERT_TRUE(others);
    ASSERT_EQ(others->size(), 1U);
    EXPECT_EQ(others->front().id, b1.id);
    auto nobody = Store().ListBySeller("seller-z");
    ASSERT_TRUE(nobody);
    EXPECT_TRUE(nobody->empty());
}

TEST_P(ConnectionStoreTest, FindByStoreReturnsTheLiveConnectionOnly) {
    auto none = Store().FindByStore("shopify", "x.myshopify.com");
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_FALSE(none->has_value());

    Connection paused = MakeConnection("s", "shopify", "x.myshopify.com");
    paused.status = ConnectionStatus::kPaused;
    const Connection live = CreateOk(paused);
    Disconnect(CreateOk(MakeConnection("s", "shopify", "y.myshopify.com")));

    auto found = Store().FindByStore("shopify", "x.myshopify.com");
    ASSERT_TRUE(found);
    ASSERT_TRUE(found->has_value());
    ExpectSameConnection(**found, live);
    auto disconnected = Store().FindByStore("shopify", "y.myshopify.com");
    ASSERT_TRUE(disconnected);
    EXPECT_FALSE(disconnected->has_value());
    auto other_platform = Store().FindByStore("woocommerce", "x.myshopify.com");
    ASSERT_TRUE(other_platform);
    EXPECT_FALSE(other_platform->has_value());
}

TEST_P(ConnectionStoreTest, ListActiveReturnsActiveConnectionsOfAllSellersInIdOrder) {
    const Connection a = CreateOk(MakeConnection("seller-a", "shopify", "s1"));
    Connection paused = MakeConnection("seller-a", "shopify", "s2");
    paused.status = ConnectionStatus::kPaused;
    CreateOk(paused);
    Connection reauth = MakeConnection("seller-b", "salla", "s3");
    reauth.status = ConnectionStatus::kReauthRequired;
    CreateOk(reauth);
    Disconnect(CreateOk(MakeConnection("seller-b", "zid", "s4")));
    const Connection b = CreateOk(MakeConnection("seller-b", "noon", "s5"));

    auto active = Store().ListActive();
    ASSERT_TRUE(active) << active.error().message;
    ASSERT_EQ(active->size(), 2U);
    EXPECT_EQ((*active)[0].id, a.id);
    EXPECT_EQ((*active)[1].id, b.id);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         ConnectionStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
