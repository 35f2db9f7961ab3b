#include <gtest/gtest.h>

#include "storage/sql.hpp"

namespace scs {
namespace {

// What every accessor says about every column, on one line.
std::string Readings(const SqlRow& row) {
    std::string text;
    for (size_t i = 0; i < row.ColumnCount(); ++i) {
        const auto number = row.Int(i);
        text += "[" + row.Text(i) + " int=" + (number ? std::to_string(*number) : "none") +
                " null=" + (row.IsNull(i) ? "1" : "0") + " bool=" + (row.Bool(i) ? "1" : "0") + "]";
    }
    return text;
}

TEST(SqlRowTest, ReadsSqliteAndPostgresCellsAlike) {
    // SQLite hands back typed cells; PostgreSQL hands back text.
    const SqlRow sqlite({int64_t{42}, std::string("abc"), std::monostate{}, int64_t{1}});
    const SqlRow postgres(
        {std::string("42"), std::string("abc"), std::monostate{}, std::string("t")});
    EXPECT_EQ(Readings(sqlite),
              "[42 int=42 null=0 bool=1][abc int=none null=0 bool=0][ int=none null=1 bool=0]"
              "[1 int=1 null=0 bool=1]");
    EXPECT_EQ(Readings(postgres),
              "[42 int=42 null=0 bool=1][abc int=none null=0 bool=0][ int=none null=1 bool=0]"
              "[t int=none null=0 bool=1]");
}

TEST(SqlRowTest, BoolAndIntEdgeCases) {
    const SqlRow row({int64_t{0},
                      std::string("f"),
                      std::string("true"),
                      std::string("12x"),
                      std::string("-7"),
                      std::string("")});
    EXPECT_EQ(Readings(row),
              "[0 int=0 null=0 bool=0][f int=none null=0 bool=0][true int=none null=0 bool=1]"
              "[12x int=none null=0 bool=0][-7 int=-7 null=0 bool=1][ int=none null=0 bool=0]");
    EXPECT_THROW((void)row.Text(6), std::out_of_range);
}

}  // namespace
}  // namespace scs
