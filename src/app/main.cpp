#include <csignal>
#include <iostream>

#include "app/cli.hpp"
#include "app/config.hpp"
#include "app/modes.hpp"
#include "app/signals.hpp"
#include "app/version.hpp"
#include "observability/log.hpp"
#include "security/crypto.hpp"

namespace {

int Run(const scs::CliCommand& command) {
    switch (command.mode) {
        case scs::Mode::kHelp:
            std::cout << command.help_text;
            return 0;
        case scs::Mode::kVersion:
            std::cout << "scs " << scs::kVersion << " (" << scs::kGitCommit << ")\n";
            return 0;
        case scs::Mode::kHashToken:
            std::cout << scs::HashApiToken(command.token) << "\n";
            return 0;
        default:
            break;
    }
    const auto use =
        command.mode == scs::Mode::kMigrate ? scs::ConfigUse::kMigrate : scs::ConfigUse::kRun;
    auto config = scs::LoadConfig(command.config_file, scs::ProcessEnvironment(), use);
    if (!config) {
        std::cerr << "scs: invalid configuration: " << config.error().message << "\n";
        return 2;
    }
    if (command.mode == scs::Mode::kMigrate) {
        return scs::RunMigrate(*config, command);
    }
    auto redactor = std::make_shared<scs::Redactor>();
    scs::log::Init({*scs::log::ParseLevel(config->log_level)}, redactor);
    if (command.mode == scs::Mode::kQueues) {
        return scs::RunQueues(std::move(*config), redactor, command);
    }
    if (command.mode == scs::Mode::kWork) {
        return scs::RunWork(std::move(*config), redactor, command.groups);
    }
    if (command.mode == scs::Mode::kSandbox) {
        return scs::RunSandbox(*config);
    }
    return scs::RunServe(
        std::move(*config), redactor, command.mode == scs::Mode::kAll, command.with_sandbox);
}

}  // namespace

int main(int argc, char** argv) {
    // Before any thread starts, so only WaitForShutdownSignal ever takes SIGINT/SIGTERM.
    scs::BlockShutdownSignals();
    // A peer that resets a connection (Redis, a platform) must be an error, not a dead process.
    std::signal(SIGPIPE, SIG_IGN);
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto command = scs::ParseCommandLine(args);
    if (!command) {
        std::cerr << "scs: " << command.error().message << "\n";
        return 2;
    }
    try {
        return Run(*command);
    } catch (const std::exception& e) {
        std::cerr << "scs: fatal: " << e.what() << "\n";
        return 1;
    }
}
