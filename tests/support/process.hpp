#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <sys/types.h>

namespace scs::testing {

// A child process (the real scs binary) with its stdout and stderr captured to files.
// Killed with SIGKILL on destruction if still running.
class ChildProcess {
public:
    ChildProcess(const std::filesystem::path& binary,
                 const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env,
                 const std::filesystem::path& log_dir);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ChildProcess(ChildProcess&&) = delete;
    ChildProcess& operator=(ChildProcess&&) = delete;

    // Sends `signal` and waits for the exit; returns the exit code (128+n if killed by signal n).
    int Stop(int signal, std::chrono::seconds timeout = std::chrono::seconds(30));
    // Waits for the process to exit by itself; -1 on timeout.
    int Wait(std::chrono::seconds timeout = std::chrono::seconds(30));
    bool Running();

    std::string Stdout() const;
    std::string Stderr() const;

private:
    std::filesystem::path out_;
    std::filesystem::path err_;
    pid_t pid_ = -1;
    int exit_code_ = -1;
};

// The binary under test: $SCS_BINARY, set by ctest.
std::filesystem::path ScsBinary();

// Runs the binary to completion; returns {exit code, stdout + stderr}.
std::pair<int, std::string> RunScs(const std::vector<std::string>& args,
                                   const std::map<std::string, std::string>& env,
                                   const std::filesystem::path& log_dir);

// Polls GET /health until it answers (any status) or the timeout passes.
bool WaitForHttp(int port, std::chrono::seconds timeout = std::chrono::seconds(30));

}  // namespace scs::testing
