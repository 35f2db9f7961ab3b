// The GraphQL reader keeps a field's directives and their arguments, variables substituted.
#include <gtest/gtest.h>

#include "sandbox/shopify/graphql_document.hpp"

namespace scs::sandbox {
namespace {

TEST(GraphqlDirectiveTest, KeepsIdempotentKeyWithVariableSubstituted) {
    const auto operation = ParseGraphql(
        R"(mutation SetStock($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) { userErrors { code } }
})",
        boost::json::object{{"key", "push-1"}, {"input", boost::json::object{}}});
    ASSERT_TRUE(operation) << operation.error().message;
    const auto& field = operation->fields.at(0);
    const auto* directive = FindDirective(field, "idempotent");
    ASSERT_NE(directive, nullptr);
    EXPECT_EQ(directive->args.at("key"), "push-1");
    EXPECT_EQ(field.selections.at(0).name, "userErrors");
}

TEST(GraphqlDirectiveTest, ReadsSeveralDirectivesAndLiteralArguments) {
    const auto operation =
        ParseGraphql(R"({ shop @a @b(x: 1, y: "z") { name } })", boost::json::object{});
    ASSERT_TRUE(operation);
    const auto& field = operation->fields.at(0);
    ASSERT_EQ(field.directives.size(), 2U);
    EXPECT_TRUE(field.directives[0].args.empty());
    EXPECT_EQ(field.directives[1].args.at("x"), 1);
    EXPECT_EQ(field.directives[1].args.at("y"), "z");
    EXPECT_EQ(FindDirective(field, "idempotent"), nullptr);
}

}  // namespace
}  // namespace scs::sandbox
