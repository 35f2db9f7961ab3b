#include "storage/postgres/pg_dsn.hpp"

#include <gtest/gtest.h>

#include "storage/postgres/pg_errors.hpp"

namespace scs {
namespace {

using std::chrono::milliseconds;

TEST(PgDsnTest, FindsThePasswordInEveryForm) {
    EXPECT_EQ(DsnPassword("postgresql://scs:pw%40x@db:5432/scs"), "pw%40x");
    EXPECT_EQ(DsnPassword("postgres://scs@db/scs?password=qp&sslmode=require"), "qp");
    EXPECT_EQ(DsnPassword("host=db password='it\\'s secret' user=scs"), "it's secret");
    EXPECT_EQ(DsnPassword("host=db password=bare user=scs"), "bare");
    EXPECT_EQ(DsnPassword("postgresql://scs@db/scs"), "");
    EXPECT_EQ(DsnPassword("postgresql://db:5432/scs"), "");
    EXPECT_EQ(DsnPassword("host=db user=scs"), "");
}

TEST(PgDsnTest, RedactsEveryPassword) {
    EXPECT_EQ(RedactDsn("postgresql://scs:pw@db:5432/scs?password=pw2"),
              "postgresql://scs:***@db:5432/scs?password=***");
    EXPECT_EQ(RedactDsn("host=db password='a b' user=scs"), "host=db password=*** user=scs");
    EXPECT_EQ(RedactDsn("postgresql://db:5432/scs"), "postgresql://db:5432/scs");
}

TEST(PgDsnTest, AddsAConnectTimeoutUnlessPresent) {
    EXPECT_EQ(WithConnectTimeout("postgresql://db/scs", milliseconds(5000)),
              "postgresql://db/scs?connect_timeout=5");
    EXPECT_EQ(WithConnectTimeout("postgresql://db/scs?sslmode=disable", milliseconds(1500)),
              "postgresql://db/scs?sslmode=disable&connect_timeout=2");
    EXPECT_EQ(WithConnectTimeout("host=db", milliseconds(10)), "host=db connect_timeout=1");
    EXPECT_EQ(WithConnectTimeout("", milliseconds(3000)), "connect_timeout=3");
    EXPECT_EQ(WithConnectTimeout("host=db connect_timeout=9", milliseconds(3000)),
              "host=db connect_timeout=9");
}

TEST(PgDsnTest, ScrubsTheSecretAsWrittenAndDecoded) {
    EXPECT_EQ(ScrubSecret("auth failed for p%40ss and p@ss", "p%40ss"),
              "auth failed for *** and ***");
    EXPECT_EQ(ScrubSecret("nothing here", ""), "nothing here");
}

TEST(PgErrorsTest, MapsSqlStates) {
    EXPECT_EQ(PgErrorCode("23505"), ErrorCode::kConflict);
    EXPECT_EQ(PgErrorCode("57014"), ErrorCode::kTimeout);
    EXPECT_EQ(PgErrorCode("55P03"), ErrorCode::kTimeout);
    EXPECT_EQ(PgErrorCode("08006"), ErrorCode::kUnavailable);
    EXPECT_EQ(PgErrorCode("08P01"), ErrorCode::kInternal);
    EXPECT_EQ(PgErrorCode("57P01"), ErrorCode::kUnavailable);
    EXPECT_EQ(PgErrorCode("53300"), ErrorCode::kUnavailable);
    EXPECT_EQ(PgErrorCode("40001"), ErrorCode::kUnavailable);
    EXPECT_EQ(PgErrorCode("42P01"), ErrorCode::kInternal);
    EXPECT_TRUE(IsPgRetryable("40001"));
    EXPECT_TRUE(IsPgRetryable("40P01"));
    EXPECT_FALSE(IsPgRetryable("23505"));
}

TEST(PgErrorsTest, MessagesBecomeOneLine) {
    EXPECT_EQ(PgMessageLine("ERROR:  duplicate key\nDETAIL:  Key (a)=(b) exists.\n"),
              "ERROR: duplicate key; DETAIL: Key (a)=(b) exists.");
    EXPECT_EQ(PgMessageLine("could not connect\n\tIs the server running?\n"),
              "could not connect; Is the server running?");
}

}  // namespace
}  // namespace scs
