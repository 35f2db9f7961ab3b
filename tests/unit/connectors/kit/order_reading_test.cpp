#include "connectors/kit/order_reading.hpp"

#include <limits>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "reading.hpp"

namespace scs::kit {
namespace {

constexpr JsonDialect kDialect{"test order"};

// Every test reads with the kDialect dialect unless it names another.
class Reading : public test_support::Reading {
public:
    explicit Reading(std::string_view json, const JsonDialect& dialect = kDialect)
        : test_support::Reading(json, dialect) {}
};

TEST(KitOrderReading, CurrencyMustBeKnown) {
    Reading known(R"({"currency":"KWD"})");
    EXPECT_EQ(ReadCurrency(known.Read(), "currency"), "KWD");
    EXPECT_FALSE(known.FirstError());
    Reading unknown(R"({"currency":"XYZ"})");
    ReadCurrency(unknown.Read(), "currency");
    EXPECT_EQ(unknown.FirstError()->message,
              R"(test order: currency: unknown ISO 4217 currency "XYZ")");
}

TEST(KitOrderReading, MoneySumsFailOnOverflow) {
    Reading r(R"({})");
    int64_t sum = 5;
    AddMoney(r.Read(), "refunds", 7, sum);
    EXPECT_EQ(sum, 12);
    AddMoney(r.Read(), "refunds", std::numeric_limits<int64_t>::max(), sum);
    EXPECT_EQ(r.FirstError()->message, "test order: refunds: sum out of range");
}

TEST(KitOrderReading, LineIdentityUsesThePlatformsVariantKey) {
    Reading r(R"({"id":1,"product_id":2,"variation_id":3,"sku":"S","name":"N","quantity":4})");
    const OrderLineItem item = ReadLineIdentity(r.Read(), "variation_id");
    EXPECT_EQ(item.external_id, "1");
    EXPECT_EQ(item.external_product_id, "2");
    EXPECT_EQ(item.external_variant_id, "3");
    EXPECT_EQ(item.sku, "S");
    EXPECT_EQ(item.name, "N");
    EXPECT_EQ(item.quantity, 4);
    EXPECT_FALSE(r.FirstError());
    Reading negative(R"({"id":1,"name":"N","quantity":-1})");
    ReadLineIdentity(negative.Read(), "variant_id");
    EXPECT_EQ(negative.FirstError()->field, "quantity");
}

TEST(KitOrderReading, AddressFieldsByThePlatformsKeys) {
    Reading r(R"({"company":"C","address_1":"L1","state":"R","postcode":"P","country":"sa",
                  "email":"e@x.test"})");
    AddressKeys keys;
    keys.line1 = "address_1";
    keys.region = "state";
    keys.postal_code = "postcode";
    keys.country_code = "country";
    const OrderAddress lower = ReadAddressFields(r.Read(), keys, false);
    EXPECT_EQ(lower.company, "C");
    EXPECT_EQ(lower.line1, "L1");
    EXPECT_EQ(lower.region, "R");
    EXPECT_EQ(lower.postal_code, "P");
    EXPECT_EQ(lower.country_code, std::nullopt);  // "sa" is not an ISO code as written
    EXPECT_EQ(lower.email, std::nullopt);         // no key given
    EXPECT_EQ(ReadAddressFields(r.Read(), keys, true).country_code, "SA");
    EXPECT_FALSE(r.FirstError());
}

TEST(KitOrderReading, StampsTheConnectionsPart) {
    OrderMappingContext context;
    context.connection_id = 21;
    context.seller_id = "seller-1";
    Order order;
    order.external_id = "7301";
    StampOrder(order, context, "woocommerce");
    EXPECT_EQ(order.id, "woocommerce:21:7301");
    EXPECT_EQ(order.seller_id, "seller-1");
    EXPECT_EQ(order.seller_sales_channel_id, 21);
    EXPECT_EQ(order.sales_channel, "woocommerce");
    EXPECT_EQ(order.version, 1);
}

}  // namespace
}  // namespace scs::kit
