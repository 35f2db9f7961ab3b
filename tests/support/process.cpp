#include "support/process.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/http_client.hpp"
#include "support/test_env.hpp"

namespace scs::testing {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

int DecodeStatus(int status) {
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return -1;
}

// Forks and execs the binary with `env` added, stdout and stderr to the given files, and the
// signal mask cleared (the test process may have blocked signals). Returns the child's pid.
pid_t Spawn(const std::filesystem::path& binary,
            const std::vector<std::string>& args,
            const std::map<std::string, std::string>& env,
            const std::filesystem::path& out_file,
            const std::filesystem::path& err_file) {
    std::vector<std::string> argv_storage{binary.string()};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    const pid_t pid = ::fork();
    if (pid != 0) {
        return pid;
    }
    for (const auto& [key, value] : env) {
        ::setenv(key.c_str(), value.c_str(), 1);
    }
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, 1);
    ::dup2(err, 2);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    std::vector<char*> argv;
    argv.reserve(argv_storage.size() + 1);
    for (auto& arg : argv_storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
}

}  // namespace

ChildProcess::ChildProcess(const std::filesystem::path& binary,
                           const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env,
                           const std::filesystem::path& log_dir)
    : out_(log_dir / (UniqueName("scs-") + ".out")),
      err_(log_dir / (out_.stem().string() + ".err")),
      pid_(Spawn(binary, args, env, out_, err_)) {}

ChildProcess::~ChildProcess() {
    if (Running()) {
        Stop(SIGKILL);
    }
}

bool ChildProcess::Running() {
    if (pid_ <= 0 || exit_code_ >= 0) {
        return false;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = DecodeStatus(status);
        return false;
    }
    return true;
}

int ChildProcess::Wait(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (Running()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return exit_code_;
}

int ChildProcess::Stop(int signal, std::chrono::seconds timeout) {
    if (Running()) {
        ::kill(pid_, signal);
    }
    const int code = Wait(timeout);
    if (code == -1) {
        ::kill(pid_, SIGKILL);
        return Wait(timeout);
    }
    return code;
}

std::string ChildProcess::Stdout() const {
    return ReadAll(out_);
}

std::string ChildProcess::Stderr() const {
    return ReadAll(err_);
}

std::filesystem::path ScsBinary() {
    const char* binary = std::getenv("SCS_BINARY");
    return binary != nullptr ? binary : "scs";
}

std::pair<int, std::string> RunScs(const std::vector<std::string>& args,
                                   const std::map<std::string, std::string>& env,
                                   const std::filesystem::path& log_dir) {
    ChildProcess child(ScsBinary(), args, env, log_dir);
    const int code = child.Wait(std::chrono::seconds(60));
    return {code, child.Stdout() + child.Stderr()};
}

bool WaitForHttp(int port, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (HttpCall(port, "GET", "/health").status != 0) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

}  // namespace scs::testing
