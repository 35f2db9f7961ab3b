#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace scs {
class Redactor;
}  // namespace scs

// Structured JSON logging (DESIGN: one facade, a named logger per area, key=value fields).
namespace scs::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// "debug", "info", "warn", "error"; nullopt for anything else.
std::optional<Level> ParseLevel(std::string_view name);

std::string_view LevelName(Level level);

struct LogConfig {
    Level level = Level::kInfo;
};

// One structured field of a log line. Build with F(); `literal` values (numbers, booleans) are
// written unquoted.
struct Field {
    std::string key;
    std::string value;
    bool literal = false;
};

inline Field F(std::string_view key, std::string_view value) {
    return Field{std::string(key), std::string(value)};
}

// Without this overload a string literal would convert to bool rather than to string_view.
inline Field F(std::string_view key, const char* value) {
    return F(key, std::string_view(value));
}

inline Field F(std::string_view key, bool value) {
    return Field{std::string(key), value ? "true" : "false", true};
}

template <std::integral T>

requires(!std::same_as<T, bool> && !std::same_as<T, char>) Field F(std::string_view key, T value) {
    return Field{std::string(key), std::to_string(value), true};
}

// Without this a double would silently convert to bool. Money and durations are integers here
// (DESIGN §6): pass the integer, or format the decimal yourself.
template <std::floating_point T>
Field F(std::string_view key, T value) = delete;

// Receives each finished line, without the trailing newline. Must be thread-safe.
using LineSink = std::function<void(std::string_view line)>;

// Installs the process-wide sink: one JSON object per line on stderr. `redactor` (may be null)
// masks registered secrets in the message and every field value. Call once from main, before
// starting threads; until then lines go to stderr at level info without redaction.
void Init(const LogConfig& config, std::shared_ptr<const Redactor> redactor);

// The same, but lines go to `sink` instead of stderr: for tests.
void Init(const LogConfig& config, std::shared_ptr<const Redactor> redactor, LineSink sink);

// Whether a line at `level` would be written; lets callers skip building costly fields.
bool Enabled(Level level);

// A named logger ("http", "worker.sync_orders", "connector.shopify"). Each call writes exactly
// one JSON line: time, level, logger, msg, request_id (when in scope), then the fields. A field
// whose key names a secret (Redactor::IsSecretName) is written as "[REDACTED]".
// Cheap to copy; thread-safe.
class Logger {
public:
    explicit Logger(std::string name) : name_(std::move(name)) {}

    void Debug(std::string_view message, std::initializer_list<Field> fields = {}) const {
        Log(Level::kDebug, message, fields);
    }

    void Info(std::string_view message, std::initializer_list<Field> fields = {}) const {
        Log(Level::kInfo, message, fields);
    }

    void Warn(std::string_view message, std::initializer_list<Field> fields = {}) const {
        Log(Level::kWarn, message, fields);
    }

    void Error(std::string_view message, std::initializer_list<Field> fields = {}) const {
        Log(Level::kError, message, fields);
    }

    void Log(Level level, std::string_view message, std::span<const Field> fields) const;

private:
    std::string name_;
};

// The request id of the work this thread is doing, added to every line as "request_id" while
// in scope. Nests: the destructor restores the previous id. Lives on the stack of one thread.
class ScopedRequestId {
public:
    explicit ScopedRequestId(std::string id);
    ~ScopedRequestId();
    ScopedRequestId(const ScopedRequestId&) = delete;
    ScopedRequestId& operator=(const ScopedRequestId&) = delete;
    ScopedRequestId(ScopedRequestId&&) = delete;
    ScopedRequestId& operator=(ScopedRequestId&&) = delete;

private:
    std::string previous_;
};

// The request id in scope on this thread, or "" when there is none.
std::string_view CurrentRequestId();

}  // namespace scs::log
