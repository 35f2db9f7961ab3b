#include "connectors/woocommerce/woocommerce_shipment.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

const WooCommerceUnits kOrdered = {{"ABY-BLK", 2}, {"SHM-RED-L", 1}};

TEST(WooCommerceShipmentTest, WritesAndReadsBackAShipmentNote) {
    const WooCommerceShipment shipment{
        "Aramex", "TRK-1", "https://track.test/TRK-1", {{"ABY-BLK", 2}, {"", 1}}};
    const std::string note = FormatWooCommerceShipmentNote(shipment);
    EXPECT_EQ(note,
              "Shipped via Aramex, tracking TRK-1 https://track.test/TRK-1\n- ABY-BLK x 2\n"
              "- (no SKU) x 1");
    const auto back = ParseWooCommerceShipmentNote(note);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->carrier, "Aramex");
    EXPECT_EQ(back->tracking_number, "TRK-1");
    EXPECT_EQ(back->tracking_url, "https://track.test/TRK-1");
    EXPECT_EQ(back->lines, shipment.lines);
}

TEST(WooCommerceShipmentTest, ReadsNotesWithoutTrackingOrCarrier) {
    const auto bare = ParseWooCommerceShipmentNote("Shipped\r\n- A x 1 x 3");
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->carrier, "");
    EXPECT_EQ(bare->tracking_number, "");
    EXPECT_EQ(bare->lines, (std::vector<FulfillmentLine>{{"A x 1", 3}}));
    EXPECT_EQ(FormatWooCommerceShipmentNote({"SMSA", "", "", {}}), "Shipped via SMSA");
}

TEST(WooCommerceShipmentTest, IgnoresOtherNotesAndMalformedLines) {
    for (const char* note : {"",
                             "Order status changed from Pending to Processing.",
                             "Shipped by hand",
                             "shipped via UPS"}) {
        EXPECT_FALSE(ParseWooCommerceShipmentNote(note)) << note;
    }
    const auto lines =
        ParseWooCommerceShipmentNote("Shipped via UPS\n- A x zero\n- B x -1\nnote\n- C x 2");
    ASSERT_TRUE(lines);
    EXPECT_EQ(lines->lines, (std::vector<FulfillmentLine>{{"C", 2}}));
}

TEST(WooCommerceShipmentTest, PlansEverythingRemainingWhenNoLinesAreGiven) {
    auto plan = PlanWooCommerceShipment(kOrdered, {{"ABY-BLK", 1}}, {});
    ASSERT_TRUE(plan) << plan.error().message;
    EXPECT_EQ(*plan, (std::vector<FulfillmentLine>{{"ABY-BLK", 1}, {"SHM-RED-L", 1}}));
}

TEST(WooCommerceShipmentTest, PlansRequestedLinesWithinWhatRemains) {
    auto plan = PlanWooCommerceShipment(kOrdered, {}, {{"ABY-BLK", 1}, {"ABY-BLK", 1}});
    ASSERT_TRUE(plan);
    EXPECT_EQ(*plan, (std::vector<FulfillmentLine>{{"ABY-BLK", 2}}));
}

TEST(WooCommerceShipmentTest, RefusesUnknownSkusTooManyUnitsAndNothingLeft) {
    EXPECT_EQ(PlanWooCommerceShipment(kOrdered, {}, {{"NOPE", 1}}).error().code,
              ErrorCode::kBadRequest);
    EXPECT_EQ(PlanWooCommerceShipment(kOrdered, {}, {{"ABY-BLK", 0}}).error().code,
              ErrorCode::kBadRequest);
    EXPECT_EQ(PlanWooCommerceShipment(kOrdered, {{"ABY-BLK", 1}}, {{"ABY-BLK", 2}}).error().code,
              ErrorCode::kBadRequest);
    EXPECT_EQ(PlanWooCommerceShipment(kOrdered, {{"ABY-BLK", 2}}, {{"ABY-BLK", 1}}).error().code,
              ErrorCode::kConflict);
    EXPECT_EQ(PlanWooCommerceShipment(kOrdered, kOrdered, {}).error().code, ErrorCode::kConflict);
}

TEST(WooCommerceShipmentTest, KnowsWhenEveryUnitHasShipped) {
    EXPECT_FALSE(WooCommerceOrderFullyShipped(kOrdered, {{"ABY-BLK", 2}}));
    EXPECT_TRUE(WooCommerceOrderFullyShipped(kOrdered, {{"ABY-BLK", 2}, {"SHM-RED-L", 3}}));
}

}  // namespace
}  // namespace scs
