#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/time.hpp"
#include "observability/log.hpp"
#include "security/redactor.hpp"

// The pure part of logging: one record in, one JSON line out. Stateless; thread-safe.
namespace scs::log {

struct LogRecord {
    TimePoint time;
    Level level = Level::kInfo;
    std::string_view logger;
    std::string_view message;
    std::string_view request_id;  // omitted from the line when empty
    std::span<const Field> fields;
};

// "2026-11-24T14:05:00.123Z": always three fractional digits, so lines line up.
std::string FormatLogTime(TimePoint time);

// The JSON object for `record`, without a newline. `redactor` (may be null) masks registered
// secrets in the message and field values. A field whose key collides with one of the fixed keys
// is written as "field_<key>", so the object never has duplicate keys.
std::string FormatLogLine(const LogRecord& record, const Redactor* redactor);

}  // namespace scs::log
