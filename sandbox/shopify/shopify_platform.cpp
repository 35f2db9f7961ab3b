#include "sandbox/shopify/shopify_platform.hpp"

#include "sandbox/generator/generator_catalogue.hpp"
#include "sandbox/shopify/shopify_routes.hpp"
#include "sandbox/shopify/store_registry.hpp"
#include "sandbox/shopify/webhook_sender.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

// Owned by the sandbox server through the platform registry.
class ShopifyPlatform final : public SandboxPlatform {
public:
    explicit ShopifyPlatform(const SandboxDeps& deps) : stores_(sender_, deps.clock, deps.ids) {}

    std::string_view Tag() const override { return "shopify"; }

    void AddRoutes(Router& router) override {
        AddGraphqlRoutes(router, stores_);
        AddOAuthRoutes(router, stores_);
    }

    void Start(const std::string& base_address) override {
        stores_.SetBaseAddress(base_address);
        sender_.Start();
    }

    void Stop() override { sender_.Stop(); }

    Result<CreatedStore> CreateStore(const json::object& spec) override {
        auto store = stores_.Create(spec);
        if (!store) {
            return tl::unexpected(store.error());
        }
        StoreConnection connection = ConnectionOf(**store);
        json::object answer{{"id", connection.id},
                            {"platform", connection.platform},
                            {"shop", connection.name},
                            {"base_url", connection.base_url}};
        return CreatedStore{std::move(connection), std::move(answer)};
    }

    bool HasStore(const std::string& id) const override { return stores_.ById(id) != nullptr; }

    std::vector<StoreConnection> Connections() const override {
        std::vector<StoreConnection> connections;
        for (const auto& store : stores_.All()) {
            connections.push_back(ConnectionOf(*store));
        }
        return connections;
    }

    json::object Describe(const std::string& id) const override {
        const auto store = stores_.ById(id);
        return store->Describe(stores_.BaseUrlOf(*store));
    }

    Result<json::array> AddOrders(const std::string& id, const json::object& body) override {
        return stores_.ById(id)->AddOrders(body, stores_.Now());
    }

    Result<json::object> PatchKnobs(const std::string& id, const json::object& body) override {
        const auto store = stores_.ById(id);
        if (auto applied = store->PatchKnobs(body); !applied) {
            return tl::unexpected(applied.error());
        }
        return KnobsToJson(store->Knobs());
    }

    // A Shopify Plus store with fixed custom-app credentials; the demo hubs RUH and JED stock its
    // two default locations (the Riyadh and Jeddah warehouses), so inventory pushes work at once.
    DemoStore Demo() const override {
        const auto location = [](int64_t offset) {
            return std::to_string(kCatalogueLocationIdBase + offset);
        };
        return DemoStore{"demo.myshopify.com",
                         "Demo store",
                         json::object{{"platform", "shopify"},
                                      {"shop", "demo.myshopify.com"},
                                      {"access_token", "shpat_demo_0123456789abcdef"},
                                      {"webhook_secret", "whsec_demo_0123456789abcdef"},
                                      {"orders", 50},
                                      {"plan", "plus"},
                                      {"seed", 1}},
                         json::object{{"hub_locations",
                                       json::object{{"RUH", location(0)}, {"JED", location(1)}}}}};
    }

    std::vector<ControlRoute> ControlRoutes() const override { return StoreControlRoutes(); }

    HttpResponse HandleControl(const std::string& id, HttpRequest& request) override {
        return HandleStoreControl(stores_, *stores_.ById(id), request);
    }

private:
    StoreConnection ConnectionOf(const SandboxStore& store) const {
        const StoreSpec& spec = store.Spec();
        json::object credentials;
        for (const auto& [key, value] : {std::pair{"access_token", &spec.access_token},
                                         std::pair{"webhook_secret", &spec.webhook_secret},
                                         std::pair{"client_id", &spec.client_id},
                                         std::pair{"client_secret", &spec.client_secret}}) {
            if (!value->empty()) {
                credentials[key] = *value;
            }
        }
        // The service reaches every shop through one URL template, and must budget by the
        // store's plan.
        json::object service{{"base_url", stores_.BaseAddress() + "/shopify/{shop}"},
                             {"rate_bucket_size", spec.bucket_size},
                             {"rate_restore_per_second", spec.restore_rate}};
        return StoreConnection{store.Id(),
                               spec.platform,
                               spec.shop,
                               stores_.BaseUrlOf(store),
                               std::move(credentials),
                               spec.shop,
                               std::move(service)};
    }

    WebhookSender sender_;
    StoreRegistry stores_;
};

}  // namespace

SandboxPlatformPtr ShopifyModule(const SandboxDeps& deps) {
    return std::make_unique<ShopifyPlatform>(deps);
}

}  // namespace scs::sandbox
