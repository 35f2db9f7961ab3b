#include "storage/postgres/pg_sql.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(PgSqlTest, FindsTheHighestPlaceholder) {
    EXPECT_EQ(HighestPlaceholder("SELECT 1"), 0);
    EXPECT_EQ(HighestPlaceholder("SELECT $1"), 1);
    EXPECT_EQ(HighestPlaceholder("UPDATE t SET a = $2, b = $10 WHERE id = $1"), 10);
    EXPECT_EQ(HighestPlaceholder("INSERT INTO t VALUES ($1, $1)"), 1);
}

TEST(PgSqlTest, IgnoresLiteralsIdentifiersCommentsAndDollarQuotes) {
    EXPECT_EQ(HighestPlaceholder("SELECT 'costs $5', 'it''s $6' FROM t WHERE a = $1"), 1);
    EXPECT_EQ(HighestPlaceholder("SELECT \"col$3\" FROM t -- $4\nWHERE b = $2"), 2);
    EXPECT_EQ(HighestPlaceholder("SELECT $$text$$, $tag$x$tag$"), 0);
}

}  // namespace
}  // namespace scs
