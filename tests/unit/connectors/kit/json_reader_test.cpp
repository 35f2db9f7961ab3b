#include "connectors/kit/json_reader.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace scs::kit {
namespace {

constexpr JsonDialect kStrict{"test order"};
constexpr JsonDialect kLenient{"test order", true, true};

// A reader over `json` with its own error slot.
class Reading {
public:
    explicit Reading(std::string_view json, const JsonDialect& dialect = kStrict)
        : object_(boost::json::parse(json).as_object()), reader_(object_, "", dialect, error_) {}

    JsonReader& reader() { return reader_; }

    const std::optional<Error>& error() const { return error_; }

private:
    boost::json::object object_;
    std::optional<Error> error_;
    JsonReader reader_;
};

TEST(KitJsonReader, ReadsTypedFieldsAndTreatsNullAsAbsent) {
    Reading r(R"({"s":"x","e":"","n":null,"i":7,"b":true,"d":1.5,"a":["p","q"]})");
    EXPECT_EQ(r.reader().String("s"), "x");
    EXPECT_EQ(r.reader().OptionalString("e"), std::nullopt);
    EXPECT_EQ(r.reader().OptionalString("n"), std::nullopt);
    EXPECT_FALSE(r.reader().Has("n"));
    EXPECT_EQ(r.reader().Integer("i"), 7);
    EXPECT_EQ(r.reader().OptionalBool("b"), true);
    EXPECT_EQ(r.reader().OptionalNumber("d"), 1.5);
    EXPECT_EQ(r.reader().StringArray("a"), (std::vector<std::string>{"p", "q"}));
    EXPECT_FALSE(r.error());
}

TEST(KitJsonReader, KeepsTheFirstErrorWithItsPathAndSubject) {
    Reading r(R"({"lines":[{"price":"1.00"},{"price":5}],"total":true})");
    auto lines = r.reader().Objects("lines");
    ASSERT_EQ(lines.size(), 2u);
    lines[1].Money("price", "USD");
    r.reader().String("total");
    ASSERT_TRUE(r.error());
    EXPECT_EQ(r.error()->code, ErrorCode::kInvalidPayload);
    EXPECT_EQ(r.error()->field, "lines[1].price");
    EXPECT_EQ(r.error()->message, "test order: lines[1].price: must be a decimal string");
}

TEST(KitJsonReader, NamesMissingAndMistypedObjects) {
    Reading missing(R"({})");
    missing.reader().Object("customer").String("email");
    EXPECT_EQ(missing.error()->message, "test order: customer: missing");
    Reading mistyped(R"({"lines":[1]})");
    EXPECT_TRUE(mistyped.reader().Objects("lines").empty());
    EXPECT_EQ(mistyped.error()->field, "lines[0]");
    EXPECT_EQ(mistyped.error()->message, "test order: lines[0]: must be an object");
}

TEST(KitJsonReader, ReadsIdsExactlyAsText) {
    Reading r(R"({"big":9007199254740993,"u":18446744073709551615})");
    EXPECT_EQ(r.reader().Id("big"), "9007199254740993");
    EXPECT_EQ(r.reader().Id("u"), "18446744073709551615");
    EXPECT_FALSE(r.error());
}

TEST(KitJsonReader, RefusesDigitStringsZeroAndDoublesByDefault) {
    for (const char* json : {R"({"id":"12"})", R"({"id":0})", R"({"id":1.0})", R"({"id":-3})"}) {
        Reading r(json);
        EXPECT_EQ(r.reader().OptionalId("id"), std::nullopt) << json;
        ASSERT_TRUE(r.error()) << json;
        EXPECT_EQ(r.error()->message, "test order: id: must be a positive integer id");
    }
}

TEST(KitJsonReader, DialectAcceptsDigitStringsAndReadsZeroAsNone) {
    Reading r(R"({"id":"12","none":0,"bad":"1a"})", kLenient);
    EXPECT_EQ(r.reader().Id("id"), "12");
    EXPECT_EQ(r.reader().OptionalId("none"), std::nullopt);
    EXPECT_FALSE(r.error());
    EXPECT_EQ(r.reader().Id("bad"), "");
    EXPECT_TRUE(r.error());
}

TEST(KitJsonReader, ReadsMoneyInMinorUnitsWithoutDoubles) {
    Reading r(R"({"text":"-10.50","whole":12,"fraction":19.99,"kwd":"1.234"})");
    EXPECT_EQ(r.reader().Money("text", "USD"), -1050);
    EXPECT_EQ(r.reader().NumberMoney("whole", "USD"), 1200);
    EXPECT_EQ(r.reader().NumberMoney("fraction", "USD"), 1999);
    EXPECT_EQ(r.reader().Money("kwd", "KWD"), 1234);
    EXPECT_FALSE(r.error());
    EXPECT_EQ(r.reader().Money("kwd", "USD"), 0);
    ASSERT_TRUE(r.error());
    EXPECT_EQ(r.error()->field, "kwd");
}

TEST(KitJsonReader, ReadsTimesInTheDialectsForm) {
    Reading r(R"({"at":"2024-01-02T03:04:05+03:00","bad":"yesterday"})");
    EXPECT_EQ(r.reader().Time("at"), ParseRfc3339("2024-01-02T00:04:05Z"));
    EXPECT_EQ(r.reader().OptionalTime("bad"), std::nullopt);
    EXPECT_EQ(r.error()->message, R"(test order: bad: not an RFC 3339 time: "yesterday")");
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
