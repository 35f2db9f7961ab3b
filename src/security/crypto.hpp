#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// Small, stateless crypto primitives over OpenSSL. Every function is thread-safe. Byte strings are
// carried in std::string (raw bytes, not text).
namespace scs {

// HMAC-SHA256 of `data` under `key`: 32 raw bytes.
std::string HmacSha256(std::string_view key, std::string_view data);

// SHA-256 of `data`: 32 raw bytes.
std::string Sha256(std::string_view data);

// Lower-case hex, two characters per byte.
std::string HexEncode(std::string_view bytes);

// Standard alphabet (RFC 4648 §4), padded with '='.
std::string Base64Encode(std::string_view bytes);

// The inverse of Base64Encode. Padding is required; whitespace and other characters are invalid.
// Returns nullopt on any invalid input.
std::optional<std::string> Base64Decode(std::string_view text);

// Compares in time that depends only on the lengths, never on where the contents differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// `n` bytes from the OpenSSL CSPRNG. Throws std::runtime_error only if the CSPRNG fails, which
// means the process cannot do any security work.
std::string RandomBytes(size_t n);

// Hex of `bytes` random bytes: for nonces, OAuth state and generated API tokens.
std::string RandomToken(size_t bytes = 32);

// Hex SHA-256 of an API token: the form in which API tokens are stored and compared.
std::string HashApiToken(std::string_view token);

}  // namespace scs
