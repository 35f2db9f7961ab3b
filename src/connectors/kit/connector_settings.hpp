#pragma once

#include <chrono>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace scs::kit {

// Reads a platform's ConnectorDeps::settings (config keys platforms.<tag>.<key>, as text) into
// typed values. An absent or empty key reads as the caller's default; a value that does not
// parse reads as the default too, and the first such key is kept as an error naming it
// ("platforms.shopify.bucket_size: must be a positive number, not \"abc\""), which the
// connector answers instead of calling the platform (see MakeMisconfiguredConnector). Used while a
// connector is built; not thread-safe; `values` must outlive the reader.
class ConnectorSettings {
public:
    ConnectorSettings(std::string_view platform, const std::map<std::string, std::string>& values);

    // The text as configured; "" when absent.
    std::string Text(std::string_view key) const;
    // A positive finite number.
    double PositiveNumber(std::string_view key, double fallback);
    // A positive number of milliseconds.
    std::chrono::milliseconds Milliseconds(std::string_view key,
                                           std::chrono::milliseconds fallback);
    // "true" or "false".
    bool Flag(std::string_view key, bool fallback);
    // One of `choices`; the first is the default.
    std::string_view Choice(std::string_view key, std::initializer_list<std::string_view> choices);

    // The first setting that did not parse, or success.
    [[nodiscard]] Status Check() const;

private:
    // The configured text, or nullopt when absent or empty.
    std::optional<std::string> Find(std::string_view key) const;
    void Fail(std::string_view key, std::string_view why, std::string_view value);

    std::string platform_;
    const std::map<std::string, std::string>* values_;
    std::optional<Error> first_error_;
};

}  // namespace scs::kit
