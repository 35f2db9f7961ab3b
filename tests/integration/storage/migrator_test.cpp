#include <gtest/gtest.h>

#include "storage/sql_migrator.hpp"
#include "storage_backend.hpp"

namespace scs::testing {
namespace {

// An unmigrated database per test, its Database, and a raw executor for custom migrators.
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

    // The migrator of the Database, with the embedded migrations.
    Migrator& Embedded() { return database_->Migrations(); }

    // A migrator over custom migrations on the same database.
    std::unique_ptr<SqlMigrator> Custom(std::vector<Migration> migrations) {
        return std::make_unique<SqlMigrator>(*executor_, std::move(migrations));
    }

    bool HasTable(const std::string& table) { return TableExists(*executor_, table); }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
    std::unique_ptr<SqlExecutor> executor_;
};

SchemaVersion CurrentOf(Migrator& migrator) {
    auto current = migrator.Current();
    EXPECT_TRUE(current) << current.error().message;
    return current.value_or(SchemaVersion{-1, true});
}

// Three small migrations, each creating one table t1..t3 with one row.
std::vector<Migration> ThreeTables() {
    std::vector<Migration> migrations;
    for (int i = 1; i <= 3; ++i) {
        const std::string table = "t" + std::to_string(i);
        std::string up = "CREATE TABLE " + table;
        up += " (id INTEGER NOT NULL);\nINSERT INTO " + table;
        up += " (id) VALUES (1);";
        migrations.push_back({i, "table_" + table, up, "DROP TABLE " + table + ";"});
    }
    return migrations;
}

// ThreeTables whose migration 2 creates t2 and then fails.
std::vector<Migration> FailingAtTwo() {
    std::vector<Migration> migrations = ThreeTables();
    migrations[1].up = "CREATE TABLE t2 (id INTEGER);\nSELECT * FROM no_such_table;";
    return migrations;
}

TEST_P(MigratorTest, CurrentOfAnEmptyDatabaseIsZero) {
    EXPECT_EQ(CurrentOf(Embedded()), (SchemaVersion{0, false}));
    EXPECT_GE(Embedded().Latest(), 1);
    EXPECT_FALSE(HasTable("schema_migrations"));
}

TEST_P(MigratorTest, UpAppliesEveryMigration) {
    ASSERT_TRUE(Succeeded(Embedded().Up()));
    EXPECT_EQ(CurrentOf(Embedded()), (SchemaVersion{Embedded().Latest(), false}));
    EXPECT_TRUE(HasTable("connections"));
}

TEST_P(MigratorTest, UpIsIdempotentAndKeepsData) {
    ASSERT_TRUE(Succeeded(Embedded().Up()));
    ASSERT_TRUE(database_->Connections().Create(MakeConnection("s", "shopify", "a")));
    ASSERT_TRUE(Succeeded(Embedded().Up()));
    EXPECT_EQ(CurrentOf(Embedded()), (SchemaVersion{Embedded().Latest(), false}));
    EXPECT_EQ(database_->Connections().ListBySeller("s").value_or(std::vector<Connection>{}).size(),
              1U);
}

TEST_P(MigratorTest, DownRevertsAndUpReapplies) {
    ASSERT_TRUE(Succeeded(Embedded().Up()));
    ASSERT_TRUE(Succeeded(Embedded().Down(Embedded().Latest())));
    EXPECT_EQ(CurrentOf(Embedded()), (SchemaVersion{0, false}));
    EXPECT_FALSE(HasTable("connections"));

    ASSERT_TRUE(Succeeded(Embedded().Up()));
    EXPECT_EQ(CurrentOf(Embedded()), (SchemaVersion{Embedded().Latest(), false}));
    EXPECT_TRUE(database_->Connections().Create(MakeConnection("s", "shopify", "a")));
}

TEST_P(MigratorTest, DownNStepsBackThroughSeveralMigrations) {
    auto custom = Custom(ThreeTables());
    EXPECT_EQ(custom->Latest(), 3);
    ASSERT_TRUE(Succeeded(custom->Up()));
    ASSERT_TRUE(Succeeded(custom->Down(2)));
    EXPECT_EQ(CurrentOf(*custom), (SchemaVersion{1, false}));
    EXPECT_TRUE(HasTable("t1"));
    EXPECT_FALSE(HasTable("t2") || HasTable("t3"));
}

TEST_P(MigratorTest, UpAfterDownNReappliesTheRest) {
    auto custom = Custom(ThreeTables());
    ASSERT_TRUE(Succeeded(custom->Up()));
    ASSERT_TRUE(Succeeded(custom->Down(2)));
    ASSERT_TRUE(Succeeded(custom->Up()));
    EXPECT_EQ(CurrentOf(*custom), (SchemaVersion{3, false}));
    EXPECT_TRUE(HasTable("t2") && HasTable("t3"));
}

TEST_P(MigratorTest, DownRefusesBadStepCounts) {
    auto custom = Custom(ThreeTables());
    ASSERT_TRUE(Succeeded(custom->Up()));
    for (int steps : {0, -1, 4}) {
        EXPECT_TRUE(FailedWith(custom->Down(steps), ErrorCode::kBadRequest)) << steps;
    }
    EXPECT_EQ(CurrentOf(*custom), (SchemaVersion{3, false}));
}

TEST_P(MigratorTest, ForceSetsTheVersionWithoutRunningAnything) {
    ASSERT_TRUE(Succeeded(Embedded().Force(1)));
    EXPECT_EQ(CurrentOf(Embedded()), (SchemaVersion{1, false}));
    EXPECT_FALSE(HasTable("connections"));
    ASSERT_TRUE(Succeeded(Embedded().Force(0)));
    EXPECT_EQ(CurrentOf(Embedded()), (SchemaVersion{0, false}));
}

TEST_P(MigratorTest, ForceRefusesUnknownVersions) {
    EXPECT_TRUE(FailedWith(Embedded().Force(Embedded().Latest() + 1), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Embedded().Force(-1), ErrorCode::kBadRequest));
    EXPECT_EQ(CurrentOf(Embedded()), (SchemaVersion{0, false}));
}

TEST_P(MigratorTest, FailedMigrationIsUndoneButMarkedDirty) {
    auto custom = Custom(FailingAtTwo());
    EXPECT_TRUE(FailedWith(custom->Up(), ErrorCode::kInternal, "`scs migrate force 1`"));
    EXPECT_EQ(CurrentOf(*custom), (SchemaVersion{2, true}));
    EXPECT_TRUE(HasTable("t1"));
    EXPECT_FALSE(HasTable("t2"));  // the savepoint undid the half-applied migration
}

TEST_P(MigratorTest, DirtySchemaRefusesUpAndDownUntilForced) {
    auto custom = Custom(FailingAtTwo());
    ASSERT_FALSE(custom->Up());
    EXPECT_TRUE(FailedWith(custom->Up(), ErrorCode::kConflict, "scs migrate force"));
    EXPECT_TRUE(FailedWith(custom->Down(1), ErrorCode::kConflict, "scs migrate force"));
    EXPECT_EQ(CurrentOf(*custom), (SchemaVersion{2, true}));

    ASSERT_TRUE(Succeeded(custom->Force(1)));
    ASSERT_TRUE(Succeeded(custom->Down(1)));
    EXPECT_EQ(CurrentOf(*custom), (SchemaVersion{0, false}));
}

TEST_P(MigratorTest, FailedDownMarksDirtyAtTheTargetVersion) {
    std::vector<Migration> migrations = ThreeTables();
    migrations[2].down = "DROP TABLE no_such_table;";
    auto custom = Custom(migrations);
    ASSERT_TRUE(Succeeded(custom->Up()));
    EXPECT_TRUE(FailedWith(custom->Down(1), ErrorCode::kInternal, "`scs migrate force 3`"));
    EXPECT_EQ(CurrentOf(*custom), (SchemaVersion{2, true}));
    EXPECT_TRUE(HasTable("t3"));
}

TEST_P(MigratorTest, DatabaseNewerThanTheBinaryIsRefused) {
    ASSERT_TRUE(Succeeded(Custom(ThreeTables())->Up()));
    std::vector<Migration> two = ThreeTables();
    two.pop_back();
    auto older = Custom(two);
    EXPECT_TRUE(FailedWith(older->Up(), ErrorCode::kConflict, "does not know"));
    EXPECT_TRUE(FailedWith(older->Down(1), ErrorCode::kConflict, "does not know"));
    EXPECT_EQ(CurrentOf(*older), (SchemaVersion{3, false}));
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         MigratorTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
