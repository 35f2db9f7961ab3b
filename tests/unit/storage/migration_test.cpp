#include "storage/migration.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(MigrationTest, PairsFilesOfOneDialectInVersionOrder) {
    const std::vector<MigrationFile> files{
        {"sqlite", "0010_orders.up.sql", "CREATE TABLE orders (id INTEGER);"},
        {"sqlite", "0002_connections.down.sql", "DROP TABLE connections;"},
        {"postgres", "0003_other.up.sql", "SELECT 1;"},
        {"sqlite", "0010_orders.down.sql", "DROP TABLE orders;"},
        {"sqlite", "0002_connections.up.sql", "CREATE TABLE connections (id INTEGER);"},
    };
    auto migrations = BuildMigrations(files, "sqlite");
    ASSERT_TRUE(migrations) << migrations.error().message;
    ASSERT_EQ(migrations->size(), 2U);
    EXPECT_EQ((*migrations)[0].version, 2);
    EXPECT_EQ((*migrations)[0].name, "connections");
    EXPECT_EQ((*migrations)[0].up, "CREATE TABLE connections (id INTEGER);");
    EXPECT_EQ((*migrations)[0].down, "DROP TABLE connections;");
    EXPECT_EQ((*migrations)[1].version, 10);
    EXPECT_EQ((*migrations)[1].name, "orders");
}

TEST(MigrationTest, RejectsMalformedNames) {
    for (const char* name : {"connections.up.sql",
                             "0001connections.up.sql",
                             "0001_.up.sql",
                             "0000_zero.up.sql",
                             "x001_bad.up.sql",
                             "0001_a.sql",
                             "_a.up.sql"}) {
        const std::vector<MigrationFile> files{{"sqlite", name, "SELECT 1;"}};
        auto migrations = BuildMigrations(files, "sqlite");
        ASSERT_FALSE(migrations) << name;
        EXPECT_EQ(migrations.error().code, ErrorCode::kInternal);
    }
}

TEST(MigrationTest, RejectsAMissingHalfAndSharedVersions) {
    const std::vector<MigrationFile> half{{"sqlite", "0001_a.up.sql", "SELECT 1;"}};
    EXPECT_FALSE(BuildMigrations(half, "sqlite"));
    const std::vector<MigrationFile> shared{{"sqlite", "0001_a.up.sql", "SELECT 1;"},
                                            {"sqlite", "0001_a.down.sql", "SELECT 1;"},
                                            {"sqlite", "0001_b.up.sql", "SELECT 1;"},
                                            {"sqlite", "0001_b.down.sql", "SELECT 1;"}};
    auto migrations = BuildMigrations(shared, "sqlite");
    ASSERT_FALSE(migrations);
    EXPECT_NE(migrations.error().message.find("share version 1"), std::string::npos);
}

// "1:connections 2:orders" for a dialect's embedded migrations.
std::string Versions(std::string_view dialect) {
    auto migrations = EmbeddedMigrations(dialect);
    if (!migrations) {
        return migrations.error().message;
    }
    std::string text;
    for (const Migration& migration : *migrations) {
        text += std::to_string(migration.version) + ":" + migration.name + " ";
    }
    return text;
}

TEST(MigrationTest, EmbeddedDialectsCarryTheSameVersions) {
    EXPECT_EQ(Versions("sqlite"), Versions("postgres"));
    EXPECT_TRUE(Versions("sqlite").starts_with("1:connections "));
}

TEST(MigrationTest, EmbeddedFilesHoldTheSql) {
    auto sqlite = EmbeddedMigrations("sqlite");
    ASSERT_TRUE(sqlite && !sqlite->empty());
    EXPECT_NE(sqlite->front().up.find("CREATE TABLE connections"), std::string::npos);
    EXPECT_NE(sqlite->front().down.find("DROP TABLE connections"), std::string::npos);
}

}  // namespace
}  // namespace scs
