#include "webhooks/customer_redaction.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "connectors/shopify/shopify_webhooks.hpp"

namespace scs {
namespace {

TEST(CustomerRedactionTest, ReadsOrderIdsAsDecimalStrings) {
    auto ids = OrdersToRedact(
        R"({"shop_id":1,"orders_to_redact":[299938,5730000000000000001,18446744073709551000,"77"]})");
    ASSERT_TRUE(ids) << ids.error().message;
    EXPECT_EQ(
        *ids,
        (std::vector<std::string>{"299938", "5730000000000000001", "18446744073709551000", "77"}));
}

TEST(CustomerRedactionTest, RejectsBodiesWithoutAnIdList) {
    for (const auto* body :
         {"{}", R"({"orders_to_redact":5})", R"({"orders_to_redact":[1.5]})", "not json"}) {
        auto ids = OrdersToRedact(body);
        ASSERT_FALSE(ids) << body;
        EXPECT_EQ(ids.error().code, ErrorCode::kInvalidPayload);
    }
}

TEST(CustomerRedactionTest, RemovesPersonalDataAndKeepsTheRest) {
    const std::string order = R"({"id":"o1","customer":{"first_name":"محمد","email":"m@x.sa"},
        "shipping_address":{"name":"محمد","phone":"+966","line1":"حي","city":"الرياض",
                            "region":"Riyadh","country_code":"SA","latitude":24.7},
        "billing_address":null,"totals":{"total":100},"note":"leave at door"})";
    auto redacted = RedactCustomerData(order);
    ASSERT_TRUE(redacted) << redacted.error().message;
    const auto json = boost::json::parse(*redacted).as_object();
    EXPECT_TRUE(json.at("customer").is_null());
    const auto& address = json.at("shipping_address").as_object();
    EXPECT_TRUE(address.at("name").is_null());
    EXPECT_TRUE(address.at("phone").is_null());
    EXPECT_TRUE(address.at("line1").is_null());
    EXPECT_TRUE(address.at("latitude").is_null());
    EXPECT_EQ(address.at("city").as_string(), "الرياض");
    EXPECT_EQ(address.at("region").as_string(), "Riyadh");
    EXPECT_EQ(address.at("country_code").as_string(), "SA");
    EXPECT_TRUE(json.at("billing_address").is_null());
    EXPECT_EQ(json.at("totals").at("total").as_int64(), 100);
    EXPECT_EQ(json.at("id").as_string(), "o1");
}

TEST(CustomerRedactionTest, RejectsABodyThatIsNotAnObject) {
    EXPECT_FALSE(RedactCustomerData("[1]"));
}

}  // namespace
}  // namespace scs
