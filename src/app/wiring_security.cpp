#include <fstream>

#include <sys/stat.h>

#include "app/runtime.hpp"
#include "observability/log.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

// Reads <data_dir>/api-token, creating it with a random token (mode 0600) when absent.
Result<std::string> LoadOrCreateLocalToken(const std::filesystem::path& data_dir) {
    const auto file = data_dir / "api-token";
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (std::filesystem::exists(file)) {
        std::ifstream in(file);
        std::string token;
        std::getline(in, token);
        if (token.empty()) {
            return Fail(ErrorCode::kInternal,
                        file.string() + " is empty: delete it to generate a new token");
        }
        return token;
    }
    const std::string token = RandomToken(24);
    const mode_t old_mask = ::umask(077);
    std::ofstream out(file);
    out << token << "\n";
    out.close();
    ::umask(old_mask);
    if (!out) {
        return Fail(ErrorCode::kInternal, "cannot write " + file.string());
    }
    std::filesystem::permissions(
        file,
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
        std::filesystem::perm_options::replace,
        ec);
    // The path, never the token: whoever may read the file may use the API.
    log::Logger("app").Info("generated an admin API token", {log::F("file", file.string())});
    return token;
}

}  // namespace

Result<std::unique_ptr<TokenAuthenticator>> BuildAuthenticator(const AppConfig& config,
                                                               Redactor& redactor) {
    std::string admin_token = config.auth.admin_token;
    if (admin_token.empty() && config.auth.seller_tokens.empty()) {
        auto local = LoadOrCreateLocalToken(config.data_dir);
        if (!local) {
            return tl::unexpected(local.error());
        }
        admin_token = *local;
    }
    std::string admin_hash;
    if (!admin_token.empty()) {
        if (admin_token.size() < 16) {
            return FailField("auth.admin_token", "auth.admin_token: use at least 16 characters");
        }
        redactor.AddSecret(admin_token);
        admin_hash = HashApiToken(admin_token);
    }
    return std::make_unique<TokenAuthenticator>(std::move(admin_hash), config.auth.seller_tokens);
}

}  // namespace scs
