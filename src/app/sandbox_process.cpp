#include "app/sandbox_process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace scs {
namespace {

constexpr auto kStartTimeout = std::chrono::seconds(15);
constexpr auto kStopGrace = std::chrono::seconds(2);
constexpr std::string_view kServingPrefix = "scs-sandbox serving ";

// Runs in the forked child: dies with the parent, then becomes scs-sandbox writing its
// "serving" line into the pipe.
[[noreturn]] void ExecChild(const std::string& binary, const std::string& addr, int write_fd) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    dup2(write_fd, STDOUT_FILENO);
    close(write_fd);
    ExecSandbox(binary, addr);
    _exit(127);
}

// Reads the child's first line ("scs-sandbox serving http://HOST:PORT") within the timeout.
Result<std::string> ReadServingLine(int fd, pid_t pid) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    while (line.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return Fail(ErrorCode::kUnavailable, "scs-sandbox did not start within 15 s");
        }
        pollfd waiting{fd, POLLIN, 0};
        if (poll(&waiting, 1, static_cast<int>(left.count())) < 0 && errno != EINTR) {
            return Fail(ErrorCode::kInternal, "waiting for scs-sandbox failed");
        }
        char buffer[256];
        const auto got = read(fd, buffer, sizeof buffer);
        if (got == 0) {
            int status = 0;
            waitpid(pid, &status, 0);
            const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            return Fail(ErrorCode::kUnavailable,
                        code == 127 ? "scs-sandbox could not be run (not built, or not executable)"
                                    : "scs-sandbox exited with status " + std::to_string(code) +
                                          " before serving (see its messages above)");
        }
        if (got > 0) {
            line.append(buffer, static_cast<size_t>(got));
        }
    }
    line.resize(line.find('\n'));
    if (line.rfind(kServingPrefix, 0) != 0) {
        return Fail(ErrorCode::kInternal, "scs-sandbox answered an unexpected first line: " + line);
    }
    return line.substr(kServingPrefix.size());
}

std::string StringField(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

boost::json::object ObjectField(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_object() ? value->as_object() : boost::json::object();
}

}  // namespace

int ExecSandbox(const std::string& binary, const std::string& addr) {
    // main() blocks SIGINT/SIGTERM for its own sigwait; scs-sandbox needs them delivered.
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, nullptr);
    std::vector<char*> argv{const_cast<char*>(binary.c_str()),
                            const_cast<char*>("--addr"),
                            const_cast<char*>(addr.c_str()),
                            nullptr};
    execv(binary.c_str(), argv.data());
    return errno;
}

std::string SandboxBinaryPath() {
    // Read at start-up, before any thread that could change the environment.
    // NOLINTNEXTLINE(concurrency-mt-unsafe)
    if (const char* path = std::getenv("SCS_SANDBOX_BINARY"); path != nullptr && *path != '\0') {
        return path;
    }
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) {
        return "scs-sandbox";
    }
    return (self.parent_path() / "scs-sandbox").string();
}

Result<std::unique_ptr<SandboxProcess>> SandboxProcess::Start(const AppConfig& config) {
    const std::string binary = SandboxBinaryPath();
    if (access(binary.c_str(), X_OK) != 0) {
        return Fail(ErrorCode::kUnavailable,
                    "scs-sandbox not found at " + binary +
                        " (build it with `make build-scs`, or set SCS_SANDBOX_BINARY)");
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        return Fail(ErrorCode::kInternal, "cannot create a pipe for scs-sandbox");
    }
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return Fail(ErrorCode::kInternal, "cannot fork scs-sandbox");
    }
    if (pid == 0) {
        close(fds[0]);
        ExecChild(binary, config.sandbox.addr, fds[1]);
    }
    close(fds[1]);
    auto address = ReadServingLine(fds[0], pid);
    close(fds[0]);
    std::unique_ptr<SandboxProcess> process(new SandboxProcess(pid, address ? *address : ""));
    if (!address) {
        process->Stop();
        return tl::unexpected(address.error());
    }
    return process;
}

SandboxProcess::SandboxProcess(pid_t pid, std::string base_address)
    : pid_(pid), base_address_(std::move(base_address)), http_(MakeCurlHttpClient()) {}

SandboxProcess::~SandboxProcess() {
    Stop();
}

Result<std::vector<DemoStore>> SandboxProcess::CreateDemoStores() const {
    OutboundRequest request;
    request.method = "POST";
    request.url = base_address_ + "/_sandbox/demo";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = "{}";
    auto response = http_->Send(request);
    if (!response) {
        return tl::unexpected(response.error());
    }
    if (response->status != 201) {
        return Fail(ErrorCode::kInternal,
                    "the sandbox refused the demo stores (" + std::to_string(response->status) +
                        "): " + response->body);
    }
    boost::system::error_code error;
    const auto body = boost::json::parse(response->body, error);
    const auto* stores =
        error || !body.is_object() ? nullptr : body.as_object().if_contains("stores");
    if (stores == nullptr || !stores->is_array()) {
        return Fail(ErrorCode::kInternal, "the sandbox answered demo stores that are not JSON");
    }
    std::vector<DemoStore> demo;
    for (const auto& entry : stores->as_array()) {
        if (!entry.is_object()) {
            return Fail(ErrorCode::kInternal, "the sandbox answered a demo store that is not JSON");
        }
        const auto& store = entry.as_object();
        demo.push_back(DemoStore{StringField(store, "platform"),
                                 StringField(store, "store_id"),
                                 StringField(store, "label"),
                                 ObjectField(store, "credentials"),
                                 ObjectField(store, "settings"),
                                 ObjectField(store, "service")});
    }
    return demo;
}

void SandboxProcess::Stop() {
    if (pid_ <= 0) {
        return;
    }
    kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + kStopGrace;
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            kill(pid_, SIGKILL);
            waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_ = -1;
}

}  // namespace scs
