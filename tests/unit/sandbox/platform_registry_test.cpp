// The sandbox's platform registry: found by tag, the first platform is the default, a store id
// leads to the platform that holds it; and the per-store control tables.
#include "sandbox/kit/platform_registry.hpp"

#include <gtest/gtest.h>

#include "http/response.hpp"
#include "sandbox/kit/control_table.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

// A platform that holds the stores it is told about and answers nothing else.
class FakePlatform final : public SandboxPlatform {
public:
    FakePlatform(std::string tag, std::vector<std::string> ids)
        : tag_(std::move(tag)), ids_(std::move(ids)) {}

    std::string_view Tag() const override { return tag_; }

    void AddRoutes(Router& /*router*/) override {}

    void Start(const std::string& /*base_address*/) override {}

    void Stop() override {}

    Result<CreatedStore> CreateStore(const json::object& /*spec*/) override {
        return Fail(ErrorCode::kBadRequest, "fake");
    }

    bool HasStore(const std::string& id) const override {
        return std::find(ids_.begin(), ids_.end(), id) != ids_.end();
    }

    std::vector<StoreConnection> Connections() const override { return {}; }

    json::object Describe(const std::string& id) const override { return {{"id", id}}; }

    DemoStore Demo() const override { return {}; }

    Result<json::array> AddOrders(const std::string& /*id*/,
                                  const json::object& /*body*/) override {
        return json::array{};
    }

    Result<json::object> PatchKnobs(const std::string& /*id*/,
                                    const json::object& /*body*/) override {
        return json::object{};
    }

    std::vector<ControlRoute> ControlRoutes() const override { return {}; }

    HttpResponse HandleControl(const std::string& /*id*/, HttpRequest& /*request*/) override {
        return JsonResponse(200, json::object{});
    }

private:
    std::string tag_;
    std::vector<std::string> ids_;
};

PlatformRegistry TwoPlatforms() {
    PlatformRegistry registry;
    registry.Add(std::make_unique<FakePlatform>("alpha", std::vector<std::string>{"store_1"}));
    registry.Add(std::make_unique<FakePlatform>("beta", std::vector<std::string>{"store_2"}));
    return registry;
}

TEST(PlatformRegistryTest, FindsAPlatformByTag) {
    const auto registry = TwoPlatforms();
    ASSERT_NE(registry.Find("beta"), nullptr);
    EXPECT_EQ(registry.Find("beta")->Tag(), "beta");
    EXPECT_EQ(registry.Find("gamma"), nullptr);
    EXPECT_EQ(registry.All().size(), 2U);
}

TEST(PlatformRegistryTest, ASpecNamesItsPlatformOrGetsTheFirst) {
    const auto registry = TwoPlatforms();
    auto named = registry.ForSpec(json::object{{"platform", "beta"}});
    ASSERT_TRUE(named);
    EXPECT_EQ((*named)->Tag(), "beta");
    auto unnamed = registry.ForSpec(json::object{{"shop", "x"}});
    ASSERT_TRUE(unnamed);
    EXPECT_EQ((*unnamed)->Tag(), "alpha");
}

TEST(PlatformRegistryTest, AnUnknownPlatformIsRefusedNamingTheField) {
    const auto registry = TwoPlatforms();
    for (const json::value& tag : {json::value("gamma"), json::value(7)}) {
        auto refused = registry.ForSpec(json::object{{"platform", tag}});
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
        EXPECT_EQ(refused.error().field, "platform");
        EXPECT_EQ(refused.error().message, R"(the sandbox emulates "alpha", "beta" only)");
    }
    EXPECT_FALSE(PlatformRegistry().ForSpec(json::object{}));
}

TEST(PlatformRegistryTest, AStoreIdLeadsToItsPlatform) {
    const auto registry = TwoPlatforms();
    ASSERT_NE(registry.OwnerOf("store_2"), nullptr);
    EXPECT_EQ(registry.OwnerOf("store_2")->Tag(), "beta");
    EXPECT_EQ(registry.OwnerOf("store_1")->Tag(), "alpha");
    EXPECT_EQ(registry.OwnerOf("store_3"), nullptr);
}

TEST(StoreIdsTest, IdsRunInCreationOrder) {
    StoreIds ids;
    EXPECT_EQ(ids.Next(), "store_1");
    EXPECT_EQ(ids.Next(), "store_2");
}

TEST(ControlTableTest, FindsAHandlerByMethodAndPathUnderTheStore) {
    const ControlTable<int> table{{"GET /stats", 1}, {"PATCH /orders/{order_id}", 2}};
    const std::vector<ControlRoute> routes = table.Routes();
    ASSERT_EQ(routes.size(), 2U);
    EXPECT_EQ(routes[0], (ControlRoute{"GET", "/stats"}));
    EXPECT_EQ(routes[1], (ControlRoute{"PATCH", "/orders/{order_id}"}));
    HttpRequest request;
    request.method = "PATCH";
    request.route = "/_sandbox/stores/{id}/orders/{order_id}";
    ASSERT_NE(table.Find(request), nullptr);
    EXPECT_EQ(*table.Find(request), 2);
    request.method = "GET";
    EXPECT_EQ(table.Find(request), nullptr);
    request.route = "/other/{id}/stats";
    EXPECT_EQ(table.Find(request), nullptr);
}

}  // namespace
}  // namespace scs::sandbox
