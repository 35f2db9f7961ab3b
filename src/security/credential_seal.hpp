#pragma once

#include "core/connection.hpp"
#include "core/result.hpp"
#include "security/secret_box.hpp"

// How a connection's credentials are sealed at rest: a JSON object of name -> value, encrypted by
// the SecretBox and bound to the connection's seller and platform (associated data), so a
// ciphertext copied to another seller's row does not open. Pure apart from the box; thread-safe.
namespace scs {

[[nodiscard]] Result<SealedSecret> SealCredentials(const SecretBox& box,
                                                   const Connection& connection,
                                                   const Credentials& credentials);

// The credentials sealed in connection.credentials; an empty map when none are stored.
// kInternal when they do not open (wrong key, tampered row) or are not a JSON object of strings.
[[nodiscard]] Result<Credentials> OpenCredentials(const SecretBox& box,
                                                  const Connection& connection);

}  // namespace scs
