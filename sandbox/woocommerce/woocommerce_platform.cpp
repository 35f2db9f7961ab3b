#include "sandbox/woocommerce/woocommerce_platform.hpp"

#include "sandbox/woocommerce/rest_api.hpp"
#include "sandbox/woocommerce/site_registry.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

// Owned by the sandbox server through the platform registry.
class WooCommercePlatform final : public SandboxPlatform {
public:
    explicit WooCommercePlatform(const SandboxDeps& deps) : sites_(deps.clock, deps.ids) {}

    std::string_view Tag() const override { return "woocommerce"; }

    void AddRoutes(Router& router) override {
        AddRestRoutes(router, sites_);
        AddKeyExchangeRoute(router, sites_);
    }

    void Start(const std::string& base_address) override {
        sites_.SetBaseAddress(base_address);
        sites_.Start();
    }

    void Stop() override { sites_.Stop(); }

    Result<CreatedStore> CreateStore(const json::object& spec) override {
        auto site = sites_.Create(spec);
        if (!site) {
            return tl::unexpected(site.error());
        }
        StoreConnection connection = ConnectionOf(**site);
        json::object answer{{"id", connection.id},
                            {"platform", connection.platform},
                            {"site", connection.name},
                            {"base_url", connection.base_url}};
        for (const auto& [key, value] : connection.credentials) {
            answer[key] = value;
        }
        return CreatedStore{std::move(connection), std::move(answer)};
    }

    bool HasStore(const std::string& id) const override { return sites_.ById(id) != nullptr; }

    std::vector<StoreConnection> Connections() const override {
        std::vector<StoreConnection> connections;
        for (const auto& site : sites_.All()) {
            connections.push_back(ConnectionOf(*site));
        }
        return connections;
    }

    json::object Describe(const std::string& id) const override {
        return sites_.ById(id)->Describe();
    }

    Result<json::array> AddOrders(const std::string& id, const json::object& body) override {
        return sites_.ById(id)->AddOrders(body, sites_.Now());
    }

    Result<json::object> PatchKnobs(const std::string& id, const json::object& body) override {
        const auto site = sites_.ById(id);
        if (auto applied = site->PatchKnobs(body); !applied) {
            return tl::unexpected(applied.error());
        }
        return SiteKnobsToJson(site->Knobs());
    }

    // A site with fixed keys; WooCommerce has no locations, so the hub RUH stands for the site's
    // one stock pool.
    DemoStore Demo() const override {
        return DemoStore{
            "demo-woo",
            "Demo WooCommerce site",
            json::object{{"platform", "woocommerce"},
                         {"site", "demo-woo"},
                         {"consumer_key", "ck_0123456789abcdef0123456789abcdef01234567"},
                         {"consumer_secret", "cs_0123456789abcdef0123456789abcdef01234567"},
                         {"orders", 50},
                         {"products", 10},
                         {"seed", 2}},
            json::object{{"hub_locations", json::object{{"RUH", "store"}}}}};
    }

    std::vector<ControlRoute> ControlRoutes() const override { return SiteControlRoutes(); }

    HttpResponse HandleControl(const std::string& id, HttpRequest& request) override {
        return HandleSiteControl(sites_, *sites_.ById(id), request);
    }

private:
    static StoreConnection ConnectionOf(const WooSite& site) {
        const SiteSpec& spec = site.Spec();
        return StoreConnection{site.Id(),
                               "woocommerce",
                               spec.site,
                               site.StoreUrl(),
                               json::object{{"consumer_key", spec.consumer_key},
                                            {"consumer_secret", spec.consumer_secret}},
                               // The site URL is the store id: no service setting is needed.
                               site.StoreUrl(),
                               json::object{}};
    }

    SiteRegistry sites_;
};

}  // namespace

SandboxPlatformPtr Module(const SandboxDeps& deps) {
    return std::make_unique<WooCommercePlatform>(deps);
}

}  // namespace scs::sandbox::woocommerce
