#include <gtest/gtest.h>

#include "storage/sql_migrator.hpp"
#include "storage_backend.hpp"

namespace scs::testing {
namespace {

class MigratorTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        test_db_ = TestDatabase::Create(GetParam());
        if (!test_db_) {
            return;
        }
        auto database = test_db_->Open();
        ASSERT_TRUE(database) << database.error().message;
        database_ = std::move(*database);
        auto executor = test_db_->OpenExecutor();
        ASSERT_TRUE(executor) << executor.error().message;
        executor_ = std::move(*executor);
    }

    void TearDown() override {
        database_.reset();
        executor_.reset();
        test_db_.reset();
    }

    Migrator& migrator() { return database_->migrator(); }

    SchemaVersion CurrentOf(Migrator& migrator) {
        auto current = migrator.Current();
        EXPECT_TRUE(current) << current.error().message;
        return current ? *current : SchemaVersion{-1, true};
    }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
    std::unique_ptr<SqlExecutor> executor_;
};

// Three small migrations, each creating one table t1..t3.
std::vector<Migration> ThreeTables() {
    std::vector<Migration> migrations;
    for (int i = 1; i <= 3; ++i) {
        const std::string table = "t" + std::to_string(i);
        migrations.push_back({i,
                              "table_" + table,
                              "CREATE TABLE " + table +
                                  " (id INTEGER NOT NULL);\n"
                                  "INSERT INTO " +
                                  table + " (id) VALUES (1);",
                              "DROP TABLE " + table + ";"});
    }
    return migrations;
}

TEST_P(MigratorTest, CurrentOfAnEmptyDatabaseIsZero) {
    EXPECT_EQ(CurrentOf(migrator()), (SchemaVersion{0, false}));
    EXPECT_GE(migrator().Latest(), 1);
    EXPECT_FALSE(TableExists(*executor_, "schema_migrations"));
}

TEST_P(MigratorTest, UpAppliesEveryMigrationAndIsIdempotent) {
    ASSERT_TRUE(migrator().Up());
    EXPECT_EQ(CurrentOf(migrator()), (SchemaVersion{migrator().Latest(), false}));
    EXPECT_TRUE(TableExists(*executor_, "connections"));
    EXPECT_TRUE(database_->connections().Create(MakeConnection("s", "shopify", "a")));

    ASSERT_TRUE(migrator().Up());
    EXPECT_EQ(CurrentOf(migrator()), (SchemaVersion{migrator().Latest(), false}));
    auto kept = database_->connections().ListBySeller("s");
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->size(), 1U);
}

TEST_P(MigratorTest, DownRevertsAndUpReapplies) {
    ASSERT_TRUE(migrator().Up());
    ASSERT_TRUE(migrator().Down(migrator().Latest()));
    EXPECT_EQ(CurrentOf(migrator()), (SchemaVersion{0, false}));
    EXPECT_FALSE(TableExists(*executor_, "connections"));
    EXPECT_FALSE(database_->connections().ListActive());

    ASSERT_TRUE(migrator().Up());
    EXPECT_EQ(CurrentOf(migrator()), (SchemaVersion{migrator().Latest(), false}));
    EXPECT_TRUE(database_->connections().Create(MakeConnection("s", "shopify", "a")));
}

TEST_P(MigratorTest, DownNStepsBackThroughSeveralMigrations) {
    SqlMigrator custom(*executor_, ThreeTables());
    EXPECT_EQ(custom.Latest(), 3);
    ASSERT_TRUE(custom.Up());
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{3, false}));

    ASSERT_TRUE(custom.Down(2));
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{1, false}));
    EXPECT_TRUE(TableExists(*executor_, "t1"));
    EXPECT_FALSE(TableExists(*executor_, "t2"));
    EXPECT_FALSE(TableExists(*executor_, "t3"));

    ASSERT_TRUE(custom.Up());
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{3, false}));
    EXPECT_TRUE(TableExists(*executor_, "t3"));
}

TEST_P(MigratorTest, DownRefusesBadStepCounts) {
    SqlMigrator custom(*executor_, ThreeTables());
    ASSERT_TRUE(custom.Up());
    for (int steps : {0, -1, 4}) {
        auto status = custom.Down(steps);
        ASSERT_FALSE(status) << steps;
        EXPECT_EQ(status.error().code, ErrorCode::kBadRequest);
    }
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{3, false}));
}

TEST_P(MigratorTest, ForceSetsTheVersionWithoutRunningAnything) {
    ASSERT_TRUE(migrator().Force(1));
    EXPECT_EQ(CurrentOf(migrator()), (SchemaVersion{1, false}));
    EXPECT_FALSE(TableExists(*executor_, "connections"));

    ASSERT_TRUE(migrator().Force(0));
    EXPECT_EQ(CurrentOf(migrator()), (SchemaVersion{0, false}));
    auto unknown = migrator().Force(migrator().Latest() + 1);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kBadRequest);
    EXPECT_FALSE(migrator().Force(-1));
}

TEST_P(MigratorTest, FailedMigrationMarksDirtyAndBlocksUntilForced) {
    std::vector<Migration> migrations = ThreeTables();
    // Creates t2, then fails: the savepoint must undo t2 and keep the dirty mark.
    migrations[1].up = "CREATE TABLE t2 (id INTEGER);\nSELECT * FROM no_such_table;";
    SqlMigrator custom(*executor_, migrations);

    auto failed = custom.Up();
    ASSERT_FALSE(failed);
    EXPECT_NE(failed.error().message.find("scs migrate force 1"), std::string::npos)
        << failed.error().message;
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{2, true}));
    EXPECT_TRUE(TableExists(*executor_, "t1"));
    EXPECT_FALSE(TableExists(*executor_, "t2"));

    for (const Status& refused : {custom.Up(), custom.Down(1)}) {
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
        EXPECT_NE(refused.error().message.find("scs migrate force"), std::string::npos);
    }
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{2, true}));

    ASSERT_TRUE(custom.Force(1));
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{1, false}));
    ASSERT_TRUE(custom.Down(1));
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{0, false}));
    EXPECT_FALSE(TableExists(*executor_, "t1"));
}

TEST_P(MigratorTest, FailedDownMarksDirtyAtTheTargetVersion) {
    std::vector<Migration> migrations = ThreeTables();
    migrations[2].down = "DROP TABLE no_such_table;";
    SqlMigrator custom(*executor_, migrations);
    ASSERT_TRUE(custom.Up());

    auto failed = custom.Down(1);
    ASSERT_FALSE(failed);
    EXPECT_NE(failed.error().message.find("scs migrate force 3"), std::string::npos)
        << failed.error().message;
    EXPECT_EQ(CurrentOf(custom), (SchemaVersion{2, true}));
    EXPECT_TRUE(TableExists(*executor_, "t3"));
}

TEST_P(MigratorTest, DatabaseNewerThanTheBinaryIsRefused) {
    SqlMigrator newer(*executor_, ThreeTables());
    ASSERT_TRUE(newer.Up());
    std::vector<Migration> two = ThreeTables();
    two.pop_back();
    SqlMigrator older(*executor_, two);

    for (const Status& refused : {older.Up(), older.Down(1)}) {
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
        EXPECT_NE(refused.error().message.find("does not know"), std::string::npos);
    }
    EXPECT_EQ(CurrentOf(older), (SchemaVersion{3, false}));
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         MigratorTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
