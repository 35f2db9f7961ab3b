#include "webhook_test_env.hpp"

#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "connectors/builtin.hpp"
#include "connectors/catalogue.hpp"
#include "security/credential_seal.hpp"

namespace scs::testing {

WebhookTestEnv::WebhookTestEnv(Backend backend) {
    registry_ = std::make_unique<ConnectorRegistry>(BuiltinCatalogue());
    std::map<std::string, ConnectorDeps> deps;
    deps["shopify"].settings["client_secret"] = kAppSecret;
    RegisterBuiltinPlatforms(*registry_, deps);
    test_db_ = TestDatabase::Create(backend);
    if (!test_db_) {
        return;
    }
    database_ = test_db_->OpenMigrated();
    auto box = SecretBox::Create({MasterKey{"k1", std::string(32, 'k')}});
    if (!database_ || !box) {
        ADD_FAILURE() << "setup failed";
        return;
    }
    secrets_ = std::make_unique<SecretBox>(std::move(*box));
    Connection connection = MakeConnection("seller-1", "shopify", kShop);
    connection.settings.hub_locations = {{"RUH-1", "71234567890123456"}};
    connection.credential_fields = {"access_token", "webhook_secret"};
    auto sealed = SealCredentials(
        *secrets_, connection, {{"access_token", "shpat_x"}, {"webhook_secret", kShopSecret}});
    if (!sealed) {
        ADD_FAILURE() << sealed.error().message;
        return;
    }
    connection.credentials = *sealed;
    auto created = database_->Connections().Create(connection);
    if (!created) {
        ADD_FAILURE() << created.error().message;
        return;
    }
    connection_ = *created;
}

int64_t WebhookTestEnv::Count(const std::string& table, const std::string& where) const {
    auto count =
        QueryInt(database_->Executor(),
                 "SELECT count(*) FROM " + table + (where.empty() ? "" : " WHERE " + where));
    EXPECT_TRUE(count) << count.error().message;
    return count.value_or(-1);
}

std::string ShopifyFixture(const std::string& name) {
    std::ifstream in(SourceDir() / "tests/fixtures/shopify/orders" / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string RiyadhOrder(const std::string& updated_at,
                        const std::string& note,
                        const std::string& cancelled_at) {
    auto order = boost::json::parse(ShopifyFixture("riyadh_cod_rest.json"));
    auto& object = order.as_object();
    object["updated_at"] = updated_at;
    object["note"] = note;
    if (!cancelled_at.empty()) {
        object["cancelled_at"] = cancelled_at;
        object["cancel_reason"] = "customer";
    }
    return boost::json::serialize(order);
}

}  // namespace scs::testing
