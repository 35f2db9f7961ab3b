// Every GraphQL document the Shopify connector sends, sent to the Shopify emulator, which
// validates it against its schema table as Shopify does: each must pass, and a misspelt field
// must fail with undefinedField (so a typo in a connector query fails here, not in production).
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "../sandbox/sandbox_test_support.hpp"
#include "connectors/shopify/order_mapping.hpp"
#include "connectors/shopify/shopify_catalogue.hpp"
#include "connectors/shopify/shopify_inventory.hpp"
#include "connectors/shopify/shopify_order_page.hpp"
#include "connectors/shopify/shopify_webhook_subscriptions.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kShop = "documents.myshopify.com";
constexpr const char* kToken = "shpat_documents";

class ShopifyDocumentsSandboxTest : public ::testing::Test {
protected:
    ShopifyDocumentsSandboxTest() {
        sandbox_.CreateStore(
            {{"shop", kShop}, {"access_token", kToken}, {"webhook_secret", "s"}, {"orders", 3}});
    }

    // The errors array of the answer to `query` at the connector's API version (null if none).
    json::value ErrorsOf(const std::string& query, const json::object& variables = {}) {
        const auto answer = sandbox_.GraphqlAt("2026-10", kShop, kToken, query, variables);
        EXPECT_EQ(answer.status, 200) << answer.raw.body;
        const auto* errors = answer.body.as_object().if_contains("errors");
        return errors != nullptr ? *errors : json::value(nullptr);
    }

    // A GraphqlCall as the connector's, that records each document it is given.
    GraphqlCall RecordingCall() {
        return [this](std::string_view query,
                      const json::object& variables,
                      int /*cost*/) -> Result<json::object> {
            documents_.emplace_back(query);
            const auto answer =
                sandbox_.GraphqlAt("2026-10", kShop, kToken, std::string(query), variables);
            const auto& body = answer.body.as_object();
            if (body.contains("errors")) {
                return Fail(ErrorCode::kBadRequest, json::serialize(body.at("errors")));
            }
            return body.at("data").as_object();
        };
    }

    SandboxFixture sandbox_;
    std::vector<std::string> documents_;
};

// The first error's extensions.code.
std::string CodeOf(const json::value& errors) {
    if (!errors.is_array() || errors.as_array().empty()) {
        return "";
    }
    return std::string(errors.at(0).at("extensions").at("code").as_string());
}

TEST_F(ShopifyDocumentsSandboxTest, TheOrderDocumentsValidateAndAMisspeltFieldDoesNot) {
    const std::string orders = ShopifyOrdersQuery(5);
    const std::string lines = ShopifyOrderLinesQuery(50);
    EXPECT_TRUE(ErrorsOf(orders).is_null()) << ErrorsOf(orders);
    EXPECT_TRUE(ErrorsOf(lines, {{"id", "gid://shopify/Order/1"}}).is_null());
    EXPECT_TRUE(ErrorsOf("query Shop { shop { name myshopifyDomain } }").is_null());

    std::string misspelt = orders;
    misspelt.replace(misspelt.find("countryCodeV2"), 13, "countryCode");
    const json::value errors = ErrorsOf(misspelt);
    EXPECT_EQ(CodeOf(errors), "undefinedField") << errors;
    EXPECT_EQ(errors.at(0).at("message").as_string(),
              "Field 'countryCode' doesn't exist on type 'MailingAddress'");
}

TEST_F(ShopifyDocumentsSandboxTest, TheCatalogueStockAndWebhookDocumentsValidate) {
    const GraphqlCall call = RecordingCall();
    ShopifyCatalogueLimits limits;
    ProductPageRequest request;
    request.page_size = 5;
    auto page = FetchShopifyListings(call, request, limits);
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_FALSE(page->listings.empty());
    auto levels =
        ReadShopifyInventoryLevels(call, {{page->listings[0].inventory_item_id, "65000000001"}});
    ASSERT_TRUE(levels) << levels.error().message;
    auto subscribed = SubscribeShopifyWebhooks(call, "https://example.com/hooks");
    ASSERT_TRUE(subscribed) << subscribed.error().message;
    ASSERT_GE(documents_.size(), 3U);

    // Each recorded document with a misspelt field at its root is refused.
    for (const auto& document : documents_) {
        std::string misspelt = document;
        misspelt.insert(misspelt.find('{') + 1, " nonexistentFeild ");
        EXPECT_EQ(CodeOf(ErrorsOf(misspelt)), "undefinedField") << misspelt;
    }
}

}  // namespace
}  // namespace scs::testing
