#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/config.hpp"

namespace scs {

// One configuration key: its dotted path and how a string value is applied. A key with
// `prefix` set takes any sub-key below its path (e.g. sync.freeze_times.<entity>); the setter
// receives the sub-key.
struct ConfigKey {
    std::string path;
    bool prefix = false;
    std::function<Status(AppConfig&, const std::string& sub_key, const std::string& value)> set;
};

// The table of every key: the single source of truth for YAML keys and SCS_* overrides.
const std::vector<ConfigKey>& ConfigKeys();

// SCS_* names that do not follow the generic SCS_<PATH> rule, mapped to their key path.
const std::vector<std::pair<std::string, std::string>>& ConfigEnvAliases();

// Parses "host:port" (port 0-65535, host non-empty; "[::1]:80" allowed).
[[nodiscard]] Result<std::pair<std::string, uint16_t>> ParseHostPort(const std::string& text);

}  // namespace scs
