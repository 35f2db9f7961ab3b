#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace scs {

enum class Mode { kAll, kServe, kWork, kMigrate, kQueues, kSandbox, kHashToken, kHelp, kVersion };

// What the command line asked for.
struct CliCommand {
    Mode mode = Mode::kAll;
    std::optional<std::filesystem::path> config_file;
    std::string migrate_action;  // up, down, force
    int migrate_number = 0;      // steps for down (default 1), version for force
    std::string groups;          // work --groups (comma separated); empty: from config
    std::string token;           // hash-token TOKEN
    std::string queues_action;   // queues create | stats | probe
    // queues probe: which queue (empty: every queue the workers drain), how many probes per
    // queue (spread over groups), how long each holds its worker, how long to wait for them
    // (zero: send and return).
    std::string probe_queue;
    int probe_count = 8;
    int probe_groups = 4;
    std::string probe_hold = "0ms";
    std::string probe_wait = "60s";
    // all --sandbox: also run the platform sandboxes, point the connectors at them and connect a
    // demo seller to each platform's demo store.
    bool with_sandbox = false;
    std::string help_text;  // for kHelp
};

// Rewrites the seed's spellings to the current ones: "-mode=http" -> "serve", "-mode=worker" ->
// "work", "-mode=migration -migrationType=down" -> "migrate down", "-config=F" -> "--config F".
std::vector<std::string> NormalizeLegacyArgs(const std::vector<std::string>& args);

// Parses arguments (without argv[0]). Errors say what is wrong and point at --help.
[[nodiscard]] Result<CliCommand> ParseCommandLine(const std::vector<std::string>& args);

}  // namespace scs
