#include "app/runtime.hpp"
#include "app/version.hpp"
#include "connectors/builtin.hpp"
#include "connectors/catalogue.hpp"
#include "security/key_loader.hpp"

namespace scs {
namespace {

Result<std::unique_ptr<SecretBox>> BuildSecretBox(const AppConfig& config, Redactor& redactor) {
    auto keys = LoadMasterKeys(config.security.master_key, config.data_dir);
    if (!keys) {
        return tl::unexpected(keys.error());
    }
    for (const auto& key : *keys) {
        redactor.AddSecret(key.key);
    }
    auto box = SecretBox::Create(std::move(*keys));
    if (!box) {
        return tl::unexpected(box.error());
    }
    return std::make_unique<SecretBox>(std::move(*box));
}

std::unique_ptr<ConnectorRegistry> BuildRegistry(const AppConfig& config) {
    auto registry = std::make_unique<ConnectorRegistry>(BuiltinCatalogue());
    std::map<std::string, ConnectorDeps> deps;
    for (const auto& [tag, settings] : config.platforms) {
        deps[tag] = ConnectorDeps{settings.base_url, settings.api_version};
    }
    RegisterBuiltinConnectors(*registry, deps);
    return registry;
}

}  // namespace

Result<std::unique_ptr<Runtime>> BuildRuntime(AppConfig config,
                                              std::shared_ptr<Redactor> redactor) {
    auto runtime = std::make_unique<Runtime>();
    runtime->config = std::move(config);
    const auto& cfg = runtime->config;
    runtime->redactor = std::move(redactor);
    runtime->metrics = std::make_unique<Metrics>(std::string(kVersion), std::string(kGitCommit));
    auto database = OpenDatabase(cfg);
    if (!database) {
        return tl::unexpected(database.error());
    }
    runtime->database = std::move(*database);
    if (auto schema = EnsureSchema(*runtime->database, cfg.AutoMigrate()); !schema) {
        return tl::unexpected(schema.error());
    }
    auto secrets = BuildSecretBox(cfg, *runtime->redactor);
    if (!secrets) {
        return tl::unexpected(secrets.error());
    }
    runtime->secrets = std::move(*secrets);
    auto auth = BuildAuthenticator(cfg, *runtime->redactor);
    if (!auth) {
        return tl::unexpected(auth.error());
    }
    runtime->auth = std::move(*auth);
    runtime->registry = BuildRegistry(cfg);
    auto state = BuildStateStore(cfg, *runtime->database, runtime->clock);
    if (!state) {
        return tl::unexpected(state.error());
    }
    runtime->state = std::move(*state);
    OpenQueues(*runtime);
    AddHealthChecks(*runtime);
    return runtime;
}

}  // namespace scs
