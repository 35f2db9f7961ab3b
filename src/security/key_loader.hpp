#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "security/secret_box.hpp"

// Where the master keys of the SecretBox come from (DESIGN §10). Free functions, called once at
// start-up by the composition root; thread-safe as long as two processes may race on first start
// (the key file is published atomically).
namespace scs {

// The name of the key file inside the data directory.
inline constexpr std::string_view kMasterKeyFileName = "master.key";

// Parses master keys: entries separated by ',' or newlines, each `id:base64(32 bytes)` or just
// `base64` (id "default"); blank entries are skipped; the first entry is the current key.
// `source` names where the text came from ("security.master_key", a file path) in error messages,
// which never contain key material.
[[nodiscard]] Result<std::vector<MasterKey>> ParseMasterKeys(std::string_view text,
                                                             std::string_view source);

// Master keys from `spec` (SCS_MASTER_KEY / security.master_key) when it is non-empty, else from
// `<data_dir>/master.key`, which is created (with its parent directory) holding one new random key
// with mode 0600 if absent. A key file whose mode is wider than 0600 is refused.
[[nodiscard]] Result<std::vector<MasterKey>> LoadMasterKeys(std::string_view spec,
                                                            const std::filesystem::path& data_dir);

}  // namespace scs
