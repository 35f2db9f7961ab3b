#include "sandbox/server/sandbox_server.hpp"

#include "http/server.hpp"
#include "sandbox/server/sandbox_routes.hpp"
#include "sandbox/shopify/shopify_routes.hpp"
#include "sandbox/shopify/store_registry.hpp"
#include "sandbox/shopify/webhook_sender.hpp"
#include "sandbox/woocommerce/rest_api.hpp"

namespace scs {

struct SandboxServer::Runtime {
    explicit Runtime(SandboxOptions sandbox_options) : options(std::move(sandbox_options)) {}

    SandboxOptions options;
    SystemTimeSource clock;
    sandbox::WebhookSender sender;
    sandbox::StoreRegistry stores{sender, clock};
    sandbox::woocommerce::SiteRegistry sites{clock};
    std::unique_ptr<HttpServer> server;
    bool stopped = false;
};

SandboxServer::SandboxServer(SandboxOptions options)
    : runtime_(std::make_unique<Runtime>(std::move(options))) {}

SandboxServer::~SandboxServer() {
    Stop();
}

Status SandboxServer::Start() {
    if (runtime_->server) {
        return Fail(ErrorCode::kConflict, "the sandbox is already started");
    }
    if (runtime_->options.port < 0 || runtime_->options.port > 65535) {
        return FailField("port", "must be in [0, 65535]");
    }
    Router router;
    sandbox::AddControlRoutes(router, runtime_->stores, runtime_->sites);
    sandbox::AddGraphqlRoutes(router, runtime_->stores);
    sandbox::AddOAuthRoutes(router, runtime_->stores);
    sandbox::woocommerce::AddRestRoutes(router, runtime_->sites);
    sandbox::woocommerce::AddKeyExchangeRoute(router, runtime_->sites);
    HttpServerConfig config;
    config.host = runtime_->options.host;
    config.port = static_cast<uint16_t>(runtime_->options.port);
    config.body_limit_bytes = size_t{8} << 20U;
    config.shutdown_grace = std::chrono::milliseconds(2000);
    runtime_->server = std::make_unique<HttpServer>(config, std::move(router), nullptr);
    if (auto started = runtime_->server->Start(); !started) {
        runtime_->server.reset();
        return started;
    }
    const std::string address =
        "http://" + runtime_->options.host + ":" + std::to_string(runtime_->server->Port());
    runtime_->stores.SetBaseAddress(address);
    runtime_->sites.SetBaseAddress(address);
    runtime_->sender.Start();
    runtime_->sites.Start();
    return {};
}

int SandboxServer::Port() const {
    return runtime_->server ? runtime_->server->Port() : 0;
}

std::string SandboxServer::BaseAddress() const {
    return runtime_->stores.BaseAddress();
}

void SandboxServer::Stop() {
    if (!runtime_->server || runtime_->stopped) {
        return;
    }
    runtime_->stopped = true;
    runtime_->server->Shutdown();
    runtime_->sender.Stop();
    runtime_->sites.Stop();
}

Result<SandboxStoreInfo> SandboxServer::CreateStore(const boost::json::object& spec) {
    if (!runtime_->server) {
        return Fail(ErrorCode::kUnavailable, "start the sandbox before creating stores");
    }
    if (sandbox::woocommerce::IsWooCommerceSpec(spec)) {
        auto site = runtime_->sites.Create(runtime_->stores.NextId(), spec);
        if (!site) {
            return tl::unexpected(site.error());
        }
        const auto& site_spec = (*site)->Spec();
        return SandboxStoreInfo{(*site)->Id(),
                                "woocommerce",
                                site_spec.site,
                                (*site)->StoreUrl(),
                                site_spec.consumer_key,
                                site_spec.consumer_secret};
    }
    auto store = runtime_->stores.Create(spec);
    if (!store) {
        return tl::unexpected(store.error());
    }
    return SandboxStoreInfo{(*store)->Id(),
                            (*store)->Spec().platform,
                            (*store)->Spec().shop,
                            runtime_->stores.BaseUrlOf(**store),
                            "",
                            ""};
}

}  // namespace scs
