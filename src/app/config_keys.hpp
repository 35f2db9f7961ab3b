#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "http/host_port.hpp"  // ParseHostPort, for the address keys

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

// What features.<name>.enabled may name (the catalogue's platform tags); each also reads
// SCS_FEATURES_<NAME>_ENABLED from the environment.
const std::set<std::string>& FeatureNames();

}  // namespace scs
