#include "observability/log_line.hpp"

#include <algorithm>
#include <array>
#include <ctime>

#include <fmt/format.h>

#include "observability/json_escape.hpp"

namespace scs::log {
namespace {

constexpr std::array<std::string_view, 5> kFixedKeys = {
    "time", "level", "logger", "msg", "request_id"};

bool IsFixedKey(std::string_view key) {
    return std::find(kFixedKeys.begin(), kFixedKeys.end(), key) != kFixedKeys.end();
}

void AppendKey(std::string& out, std::string_view key) {
    out.push_back(',');
    AppendJsonString(out, key);
    out.push_back(':');
}

std::string RedactText(std::string_view text, const Redactor* redactor) {
    return redactor == nullptr ? std::string(text) : redactor->Redact(text);
}

void AppendField(std::string& out, const Field& field, const Redactor* redactor) {
    AppendKey(out, IsFixedKey(field.key) ? "field_" + field.key : field.key);
    if (Redactor::IsSecretName(field.key)) {
        AppendJsonString(out, Redactor::kMask);
        return;
    }
    const std::string value = RedactText(field.value, redactor);
    // A literal that redaction changed is no longer a number; quote it like any string.
    if (field.literal && value == field.value) {
        out.append(value);
        return;
    }
    AppendJsonString(out, value);
}

}  // namespace

std::string FormatLogTime(TimePoint time) {
    const auto since_epoch = time.time_since_epoch();
    const auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
    const auto millis = (since_epoch - seconds).count();
    const std::time_t t = seconds.count();
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                       tm.tm_year + 1900,
                       tm.tm_mon + 1,
                       tm.tm_mday,
                       tm.tm_hour,
                       tm.tm_min,
                       tm.tm_sec,
                       millis);
}

std::string FormatLogLine(const LogRecord& record, const Redactor* redactor) {
    std::string out;
    out.reserve(128 + record.message.size());
    out.append("{\"time\":");
    AppendJsonString(out, FormatLogTime(record.time));
    AppendKey(out, "level");
    AppendJsonString(out, LevelName(record.level));
    AppendKey(out, "logger");
    AppendJsonString(out, record.logger);
    AppendKey(out, "msg");
    AppendJsonString(out, RedactText(record.message, redactor));
    if (!record.request_id.empty()) {
        AppendKey(out, "request_id");
        AppendJsonString(out, RedactText(record.request_id, redactor));
    }
    for (const Field& field : record.fields) {
        AppendField(out, field, redactor);
    }
    out.push_back('}');
    return out;
}

}  // namespace scs::log
