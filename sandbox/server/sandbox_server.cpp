#include "sandbox/server/sandbox_server.hpp"

#include "http/server.hpp"
#include "sandbox/builtin.hpp"
#include "sandbox/kit/platform_registry.hpp"
#include "sandbox/server/sandbox_routes.hpp"

namespace scs {
namespace {

std::string CredentialOf(const sandbox::StoreConnection& connection, std::string_view key) {
    const auto* value = connection.credentials.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

}  // namespace

struct SandboxServer::Runtime {
    explicit Runtime(SandboxOptions sandbox_options) : options(std::move(sandbox_options)) {
        sandbox::RegisterBuiltinPlatforms(platforms, sandbox::SandboxDeps{clock, ids});
    }

    SandboxOptions options;
    SystemTimeSource clock;
    sandbox::StoreIds ids;
    sandbox::PlatformRegistry platforms;
    std::unique_ptr<HttpServer> server;
    std::string base_address;
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
    sandbox::AddControlRoutes(router, runtime_->platforms);
    for (const auto& platform : runtime_->platforms.All()) {
        platform->AddRoutes(router);
    }
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
    runtime_->base_address =
        "http://" + runtime_->options.host + ":" + std::to_string(runtime_->server->Port());
    for (const auto& platform : runtime_->platforms.All()) {
        platform->Start(runtime_->base_address);
    }
    return {};
}

int SandboxServer::Port() const {
    return runtime_->server ? runtime_->server->Port() : 0;
}

std::string SandboxServer::BaseAddress() const {
    return runtime_->base_address;
}

void SandboxServer::Stop() {
    if (!runtime_->server || runtime_->stopped) {
        return;
    }
    runtime_->stopped = true;
    runtime_->server->Shutdown();
    for (const auto& platform : runtime_->platforms.All()) {
        platform->Stop();
    }
}

Result<SandboxStoreInfo> SandboxServer::CreateStore(const boost::json::object& spec) {
    if (!runtime_->server) {
        return Fail(ErrorCode::kUnavailable, "start the sandbox before creating stores");
    }
    auto platform = runtime_->platforms.ForSpec(spec);
    if (!platform) {
        return tl::unexpected(platform.error());
    }
    auto created = (*platform)->CreateStore(spec);
    if (!created) {
        return tl::unexpected(created.error());
    }
    const sandbox::StoreConnection& connection = created->connection;
    return SandboxStoreInfo{connection.id,
                            connection.platform,
                            connection.name,
                            connection.base_url,
                            CredentialOf(connection, "consumer_key"),
                            CredentialOf(connection, "consumer_secret")};
}

}  // namespace scs
