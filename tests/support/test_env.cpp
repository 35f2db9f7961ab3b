#include "support/test_env.hpp"

#include <cstdlib>
#include <random>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace scs::testing {

TempDir::TempDir() {
    path_ = std::filesystem::temp_directory_path() / UniqueName("scs-test-");
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::optional<std::string> RequireServer(const char* env_name) {
    const char* value = std::getenv(env_name);
    if (value != nullptr && *value != '\0') {
        return std::string(value);
    }
    const char* required = std::getenv("SCS_TEST_REQUIRE_SERVERS");
    if (required != nullptr && std::string(required) == "1") {
        ADD_FAILURE() << env_name << " is not set but SCS_TEST_REQUIRE_SERVERS=1";
    } else {
        const std::string reason = "set " + std::string(env_name) + " to run this test";
        GTEST_MESSAGE_AT_(__FILE__, __LINE__, reason.c_str(), ::testing::TestPartResult::kSkip);
    }
    return std::nullopt;
}

std::string UniqueName(const std::string& prefix) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string name = prefix;
    std::uniform_int_distribution<size_t> pick(0, sizeof(kAlphabet) - 2);
    for (int i = 0; i < 12; ++i) {
        name.push_back(kAlphabet[pick(rng)]);
    }
    return name;
}

std::filesystem::path SourceDir() {
    const char* dir = std::getenv("SCS_SOURCE_DIR");
    return dir != nullptr ? std::filesystem::path(dir) : std::filesystem::current_path();
}

int FreePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof(addr);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

}  // namespace scs::testing
