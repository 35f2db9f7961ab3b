#include "storage/migration.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

namespace scs {
namespace {

// A migration file name taken apart.
struct FileName {
    int version = 0;
    std::string name;
    bool up = false;
};

std::optional<std::string_view> StripSuffix(std::string_view text, std::string_view suffix) {
    if (!text.ends_with(suffix)) {
        return std::nullopt;
    }
    return text.substr(0, text.size() - suffix.size());
}

// "0001_connections.up.sql" -> {1, "connections", up}.
std::optional<FileName> ParseFileName(std::string_view file) {
    FileName parsed;
    auto stem = StripSuffix(file, ".up.sql");
    parsed.up = stem.has_value();
    if (!stem) {
        stem = StripSuffix(file, ".down.sql");
    }
    const size_t underscore = stem ? stem->find('_') : std::string_view::npos;
    if (underscore == std::string_view::npos || underscore == 0 || underscore + 1 == stem->size()) {
        return std::nullopt;
    }
    const char* end = stem->data() + underscore;
    const auto [ptr, ec] = std::from_chars(stem->data(), end, parsed.version);
    if (ec != std::errc() || ptr != end || parsed.version <= 0) {
        return std::nullopt;
    }
    parsed.name = std::string(stem->substr(underscore + 1));
    return parsed;
}

Status AddFile(std::map<int, Migration>& by_version, const MigrationFile& file) {
    const auto parsed = ParseFileName(file.name);
    if (!parsed) {
        return Fail(ErrorCode::kInternal,
                    "migration file name is not NNNN_<name>.up.sql or "
                    "NNNN_<name>.down.sql: " +
                        std::string(file.name));
    }
    Migration& migration = by_version[parsed->version];
    if (!migration.name.empty() && migration.name != parsed->name) {
        return Fail(ErrorCode::kInternal,
                    "two migrations share version " + std::to_string(parsed->version));
    }
    std::string& sql = parsed->up ? migration.up : migration.down;
    if (!sql.empty()) {
        return Fail(ErrorCode::kInternal, "duplicate migration file " + std::string(file.name));
    }
    migration.version = parsed->version;
    migration.name = parsed->name;
    sql = std::string(file.sql);
    return {};
}

}  // namespace

Result<std::vector<Migration>> BuildMigrations(std::span<const MigrationFile> files,
                                               std::string_view dialect) {
    std::map<int, Migration> by_version;
    for (const MigrationFile& file : files) {
        if (file.dialect != dialect) {
            continue;
        }
        if (auto status = AddFile(by_version, file); !status) {
            return tl::unexpected(std::move(status.error()));
        }
    }
    std::vector<Migration> migrations;
    for (auto& [version, migration] : by_version) {
        if (migration.up.empty() || migration.down.empty()) {
            return Fail(ErrorCode::kInternal,
                        std::string(dialect) + " migration " + std::to_string(version) +
                            " needs both an .up.sql and a .down.sql file");
        }
        migrations.push_back(std::move(migration));
    }
    return migrations;
}

Result<std::vector<Migration>> EmbeddedMigrations(std::string_view dialect) {
    return BuildMigrations(EmbeddedMigrationFiles(), dialect);
}

}  // namespace scs
