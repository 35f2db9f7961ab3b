#include <gtest/gtest.h>

#include "storage/sql.hpp"

namespace scs {
namespace {

TEST(SqlRowTest, ReadsSqliteAndPostgresCellsAlike) {
    // SQLite hands back typed cells; PostgreSQL hands back text.
    const SqlRow sqlite({int64_t{42}, std::string("abc"), std::monostate{}, int64_t{1}});
    const SqlRow postgres(
        {std::string("42"), std::string("abc"), std::monostate{}, std::string("t")});
    for (const SqlRow* row : {&sqlite, &postgres}) {
        EXPECT_EQ(row->ColumnCount(), 4U);
        EXPECT_EQ(row->Int(0), 42);
        EXPECT_EQ(row->Text(0), "42");
        EXPECT_EQ(row->Text(1), "abc");
        EXPECT_FALSE(row->Int(1).has_value());
        EXPECT_TRUE(row->IsNull(2));
        EXPECT_EQ(row->Text(2), "");
        EXPECT_FALSE(row->Int(2).has_value());
        EXPECT_FALSE(row->Bool(2));
        EXPECT_TRUE(row->Bool(3));
    }
}

TEST(SqlRowTest, BoolAndIntEdgeCases) {
    const SqlRow row({int64_t{0},
                      std::string("f"),
                      std::string("true"),
                      std::string("12x"),
                      std::string("-7"),
                      std::string("")});
    EXPECT_FALSE(row.Bool(0));
    EXPECT_FALSE(row.Bool(1));
    EXPECT_TRUE(row.Bool(2));
    EXPECT_FALSE(row.Int(3).has_value());
    EXPECT_EQ(row.Int(4), -7);
    EXPECT_FALSE(row.Int(5).has_value());
    EXPECT_THROW((void)row.Text(6), std::out_of_range);
}

}  // namespace
}  // namespace scs
