#include "connectors/kit/json_reader.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "reading.hpp"

namespace scs::kit {
namespace {

constexpr JsonDialect kStrict{"test order"};
constexpr JsonDialect kLenient{"test order", true, true};

// Every test reads with the kStrict dialect unless it names another.
class Reading : public test_support::Reading {
public:
    explicit Reading(std::string_view json, const JsonDialect& dialect = kStrict)
        : test_support::Reading(json, dialect) {}
};

TEST(KitJsonReader, ReadsTypedFieldsAndTreatsNullAsAbsent) {
    Reading r(R"({"s":"x","e":"","n":null,"i":7,"b":true,"d":1.5,"a":["p","q"]})");
    EXPECT_EQ(r.Read().String("s"), "x");
    EXPECT_EQ(r.Read().OptionalString("e"), std::nullopt);
    EXPECT_EQ(r.Read().OptionalString("n"), std::nullopt);
    EXPECT_FALSE(r.Read().Has("n"));
    EXPECT_EQ(r.Read().Integer("i"), 7);
    EXPECT_EQ(r.Read().OptionalBool("b"), true);
    EXPECT_EQ(r.Read().OptionalNumber("d"), 1.5);
    EXPECT_EQ(r.Read().StringArray("a"), (std::vector<std::string>{"p", "q"}));
    EXPECT_FALSE(r.FirstError());
}

TEST(KitJsonReader, KeepsTheFirstErrorWithItsPathAndSubject) {
    Reading r(R"({"lines":[{"price":"1.00"},{"price":5}],"total":true})");
    auto lines = r.Read().Objects("lines");
    ASSERT_EQ(lines.size(), 2u);
    lines[1].Money("price", "USD");
    r.Read().String("total");
    ASSERT_TRUE(r.FirstError());
    EXPECT_EQ(r.FirstError()->code, ErrorCode::kInvalidPayload);
    EXPECT_EQ(r.FirstError()->field, "lines[1].price");
    EXPECT_EQ(r.FirstError()->message, "test order: lines[1].price: must be a decimal string");
}

TEST(KitJsonReader, NamesMissingAndMistypedObjects) {
    Reading missing(R"({})");
    missing.Read().Object("customer").String("email");
    EXPECT_EQ(missing.FirstError()->message, "test order: customer: missing");
    Reading mistyped(R"({"lines":[1]})");
    EXPECT_TRUE(mistyped.Read().Objects("lines").empty());
    EXPECT_EQ(mistyped.FirstError()->field, "lines[0]");
    EXPECT_EQ(mistyped.FirstError()->message, "test order: lines[0]: must be an object");
}

TEST(KitJsonReader, ReadsIdsExactlyAsText) {
    Reading r(R"({"big":9007199254740993,"u":18446744073709551615})");
    EXPECT_EQ(r.Read().Id("big"), "9007199254740993");
    EXPECT_EQ(r.Read().Id("u"), "18446744073709551615");
    EXPECT_FALSE(r.FirstError());
}

TEST(KitJsonReader, RefusesDigitStringsZeroAndDoublesByDefault) {
    for (const char* json : {R"({"id":"12"})", R"({"id":0})", R"({"id":1.0})", R"({"id":-3})"}) {
        Reading r(json);
        EXPECT_EQ(r.Read().OptionalId("id"), std::nullopt) << json;
        ASSERT_TRUE(r.FirstError()) << json;
        EXPECT_EQ(r.FirstError()->message, "test order: id: must be a positive integer id");
    }
}

TEST(KitJsonReader, DialectAcceptsDigitStringsAndReadsZeroAsNone) {
    Reading r(R"({"id":"12","none":0,"bad":"1a"})", kLenient);
    EXPECT_EQ(r.Read().Id("id"), "12");
    EXPECT_EQ(r.Read().OptionalId("none"), std::nullopt);
    EXPECT_FALSE(r.FirstError());
    EXPECT_EQ(r.Read().Id("bad"), "");
    EXPECT_TRUE(r.FirstError());
}

TEST(KitJsonReader, ReadsMoneyInMinorUnitsWithoutDoubles) {
    Reading r(R"({"text":"-10.50","whole":12,"fraction":19.99,"kwd":"1.234"})");
    EXPECT_EQ(r.Read().Money("text", "USD"), -1050);
    EXPECT_EQ(r.Read().NumberMoney("whole", "USD"), 1200);
    EXPECT_EQ(r.Read().NumberMoney("fraction", "USD"), 1999);
    EXPECT_EQ(r.Read().Money("kwd", "KWD"), 1234);
    EXPECT_FALSE(r.FirstError());
    EXPECT_EQ(r.Read().Money("kwd", "USD"), 0);
    ASSERT_TRUE(r.FirstError());
    EXPECT_EQ(r.FirstError()->field, "kwd");
}

TEST(KitJsonReader, ReadsTimesInTheDialectsForm) {
    Reading r(R"({"at":"2024-01-02T03:04:05+03:00","bad":"yesterday"})");
    EXPECT_EQ(r.Read().Time("at"), ParseRfc3339("2024-01-02T00:04:05Z"));
    EXPECT_EQ(r.Read().OptionalTime("bad"), std::nullopt);
    EXPECT_EQ(r.FirstError()->message, R"(test order: bad: not an RFC 3339 time: "yesterday")");
}

TEST(KitJsonReader, ParseObjectNamesTheSubject) {
    EXPECT_TRUE(ParseObject(R"({"a":1})", "test order"));
    EXPECT_EQ(ParseObject("[1]", "test order").error().message,
              "test order: the payload is not a JSON object");
    const auto broken = ParseObject("{", "test order");
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().message.rfind("test order: not JSON: ", 0), 0u);
}

}  // namespace
}  // namespace scs::kit
