#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace scs::testing {

// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;

    const std::filesystem::path& Path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A server address for integration tests, read from the environment (TEST_PG_DSN,
// TEST_REDIS_URL, TEST_SQS_ENDPOINT). When it is unset the test is skipped with the reason,
// unless SCS_TEST_REQUIRE_SERVERS=1 (set by `make test`), where a missing server fails the test.
// Use as: auto dsn = RequireServer("TEST_PG_DSN"); if (!dsn) return;
std::optional<std::string> RequireServer(const char* env_name);

// A short random lower-case identifier, for unique schema names and key prefixes.
std::string UniqueName(const std::string& prefix);

// The repository root ($SCS_SOURCE_DIR, set by ctest), for tests that read project files.
std::filesystem::path SourceDir();

// A TCP port on 127.0.0.1 that was free a moment ago.
int FreePort();

}  // namespace scs::testing
