#include "state/lease_args.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;

TEST(CheckLeaseArgs, AcceptsAKeyOwnerAndPositiveTtl) {
    EXPECT_TRUE(CheckLeaseArgs("sync:1:orders", "worker-1", milliseconds(1)));
    EXPECT_TRUE(CheckLeaseArgs("sync:1:orders", "worker-1"));
}

TEST(CheckLeaseArgs, NamesTheBadArgument) {
    EXPECT_EQ(CheckLeaseArgs("", "w", milliseconds(1)).error().field, "key");
    EXPECT_EQ(CheckLeaseArgs("k", "", milliseconds(1)).error().field, "owner");
    EXPECT_EQ(CheckLeaseArgs("k", "w", milliseconds(0)).error().field, "ttl");
    EXPECT_EQ(CheckLeaseArgs("k", "w", milliseconds(-5)).error().code, ErrorCode::kBadRequest);
}

}  // namespace
}  // namespace scs
