#pragma once

#include <memory>
#include <string>

#include "connectors/connector_registry.hpp"
#include "core/connection.hpp"
#include "integration/storage/storage_backend.hpp"
#include "security/secret_box.hpp"
#include "storage/database.hpp"

namespace scs::testing {

inline constexpr const char* kShop = "demo-shop.myshopify.com";
inline constexpr const char* kShopSecret = "whsec-shop-0123456789";
inline constexpr const char* kAppSecret = "app-client-secret-0123456789";

// A migrated database of one dialect with one active Shopify connection for kShop whose sealed
// credentials hold an access token and kShopSecret, hub RUH-1 mapped to the fixture's location.
// The registry holds the built-in platform modules. Built per test; Ok() is false when the test was
// skipped or setup failed.
class WebhookTestEnv {
public:
    explicit WebhookTestEnv(Backend backend);

    bool Ok() const { return database_ != nullptr && connection_.id != 0; }

    Database& Db() { return *database_; }

    SqlExecutor& Executor() { return database_->Executor(); }

    const SecretBox& Secrets() const { return *secrets_; }

    const Connection& Shop() const { return connection_; }

    // The built-in platforms, Shopify's app client secret kAppSecret.
    const ConnectorRegistry& Registry() const { return *registry_; }

    // count(*) of `table` with an optional WHERE clause.
    int64_t Count(const std::string& table, const std::string& where = "") const;

private:
    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
    std::unique_ptr<SecretBox> secrets_;
    std::unique_ptr<ConnectorRegistry> registry_;
    Connection connection_;
};

// tests/fixtures/shopify/orders/<name> as text.
std::string ShopifyFixture(const std::string& name);

// The fixture riyadh_cod_rest.json (a webhook-shaped order) with updated_at and note replaced,
// and cancelled_at set when `cancelled_at` is not empty.
std::string RiyadhOrder(const std::string& updated_at,
                        const std::string& note,
                        const std::string& cancelled_at = "");

}  // namespace scs::testing
