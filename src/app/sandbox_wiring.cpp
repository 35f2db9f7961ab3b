#include "app/sandbox_wiring.hpp"

#include <boost/json/serialize.hpp>

#include "http/request.hpp"

namespace scs {
namespace {

std::string TextOf(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : "";
}

double NumberOf(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_number() ? value->to_number<double>() : 0;
}

// Creates a demo connection through the connections API (credentials checked with the store,
// webhooks subscribed), or, when the demo seller's connection to the store is kept from an earlier
// run, re-subscribes its webhooks: the sandbox started empty and lost them. A kept connection holds
// the same fixed credentials, so the recreated store accepts it.
Status ConnectOrResubscribe(const DemoHooks& hooks, const DemoStore& demo) {
    auto existing = hooks.store.FindByStore(demo.platform, demo.store_id);
    if (!existing) {
        return tl::unexpected(existing.error());
    }
    if (*existing) {
        return hooks.resubscribe ? hooks.resubscribe(**existing) : Status{};
    }
    HttpRequest request;
    request.method = "POST";
    request.path = std::string("/api/v1/sellers/") + kDemoSeller + "/sales_channels";
    request.path_params["seller_id"] = kDemoSeller;
    request.body = boost::json::serialize(boost::json::object{{"platform", demo.platform},
                                                              {"store_id", demo.store_id},
                                                              {"name", demo.label},
                                                              {"credentials", demo.credentials},
                                                              {"settings", demo.settings}});
    Principal admin;
    admin.admin = true;
    const auto response = hooks.connections.Create(request, admin);
    if (response.status != 201) {
        return Fail(ErrorCode::kInternal,
                    "connecting the demo " + demo.platform + " store failed: " + response.body);
    }
    return {};
}

}  // namespace

void UseSandbox(const std::vector<DemoStore>& demo, AppConfig& config) {
    for (const DemoStore& store : demo) {
        auto& platform = config.platforms[store.platform];
        if (const auto base_url = TextOf(store.service, "base_url"); !base_url.empty()) {
            platform.base_url = base_url;
        }
        // The connector's budget must match the store's plan, unless configured.
        if (platform.rate_bucket_size == 0) {
            platform.rate_bucket_size = NumberOf(store.service, "rate_bucket_size");
            platform.rate_restore_per_second = NumberOf(store.service, "rate_restore_per_second");
        }
    }
    config.security.allow_private_store_urls = true;
}

Status ConnectDemoStores(const std::vector<DemoStore>& demo, const DemoHooks& hooks) {
    std::string failures;
    for (const DemoStore& store : demo) {
        if (hooks.enabled && !hooks.enabled(store.platform)) {
            continue;
        }
        if (auto connected = ConnectOrResubscribe(hooks, store); !connected) {
            failures += (failures.empty() ? "" : "; ") + connected.error().message;
        }
    }
    if (!failures.empty()) {
        return Fail(ErrorCode::kInternal, failures);
    }
    return {};
}

}  // namespace scs
