#include "jobs/sqlite/receipt.hpp"

#include <set>

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(Receipt, CarriesTheMessageId) {
    const std::string receipt = MakeReceipt(1234);
    EXPECT_TRUE(receipt.starts_with("1234."));
    EXPECT_EQ(ReceiptMessageId(receipt), 1234);
}

TEST(Receipt, DiffersOnEveryReceive) {
    std::set<std::string> receipts;
    for (int i = 0; i < 1000; ++i) {
        receipts.insert(MakeReceipt(7));
    }
    EXPECT_EQ(receipts.size(), 1000U);
}

TEST(Receipt, RejectsWhatItDidNotMake) {
    EXPECT_EQ(ReceiptMessageId(""), std::nullopt);
    EXPECT_EQ(ReceiptMessageId("garbage"), std::nullopt);
    EXPECT_EQ(ReceiptMessageId("12.abc"), std::nullopt);
    EXPECT_EQ(ReceiptMessageId("x1." + std::string(32, 'a')), std::nullopt);
    EXPECT_EQ(ReceiptMessageId("-1." + std::string(32, 'a')), std::nullopt);
    EXPECT_EQ(ReceiptMessageId("." + std::string(32, 'a')), std::nullopt);
}

}  // namespace
}  // namespace scs
