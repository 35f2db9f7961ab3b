#pragma once

#include <chrono>
#include <string>
#include <string_view>

// Helpers for libpq connection strings, in URI form (postgresql://user:pw@host:port/db?k=v) or
// keyword form (host=h port=5432 password='pw'). Pure functions.
namespace scs {

// The password the DSN carries (URI user info, a password parameter, or the password keyword),
// as written; empty when none.
std::string DsnPassword(std::string_view dsn);

// The DSN with its password replaced by "***", safe for messages and logs.
std::string RedactDsn(std::string_view dsn);

// The DSN with connect_timeout (whole seconds, at least 1) added unless it names one already.
std::string WithConnectTimeout(std::string_view dsn, std::chrono::milliseconds timeout);

// `text` with every occurrence of `secret` (as written and percent-decoded) replaced by "***".
std::string ScrubSecret(std::string text, std::string_view secret);

}  // namespace scs
