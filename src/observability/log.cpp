#include "observability/log.hpp"

#include <array>
#include <atomic>
#include <mutex>

#include <spdlog/logger.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include "observability/log_line.hpp"
#include "security/redactor.hpp"

namespace scs::log {
namespace {

constexpr std::array<std::string_view, 4> kLevelNames = {"debug", "info", "warn", "error"};

// Hands each formatted payload to a LineSink; spdlog's base_sink serialises the calls.
class CallbackSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit CallbackSink(LineSink on_line) : on_line_(std::move(on_line)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        on_line_(std::string_view(msg.payload.data(), msg.payload.size()));
    }

    void flush_() override {}

private:
    LineSink on_line_;
};

// Everything a log call needs, swapped as a whole by Init so a call never sees half of it.
struct LogState {
    Level level = Level::kInfo;
    std::shared_ptr<const Redactor> redactor;
    std::shared_ptr<spdlog::logger> output;
};

std::shared_ptr<const LogState> MakeState(const LogConfig& config,
                                          std::shared_ptr<const Redactor> redactor,
                                          spdlog::sink_ptr sink) {
    // Our JSON is the whole line: spdlog adds nothing but the newline.
    sink->set_pattern("%v");
    auto output = std::make_shared<spdlog::logger>("scs", std::move(sink));
    output->set_level(spdlog::level::trace);
    output->flush_on(spdlog::level::trace);
    return std::make_shared<const LogState>(
        LogState{config.level, std::move(redactor), std::move(output)});
}

std::atomic<std::shared_ptr<const LogState>>& CurrentState() {
    static std::atomic<std::shared_ptr<const LogState>> state{
        MakeState(LogConfig{}, nullptr, std::make_shared<spdlog::sinks::stderr_sink_mt>())};
    return state;
}

spdlog::level::level_enum SpdlogLevel(Level level) {
    switch (level) {
        case Level::kDebug:
            return spdlog::level::debug;
        case Level::kInfo:
            return spdlog::level::info;
        case Level::kWarn:
            return spdlog::level::warn;
        case Level::kError:
            return spdlog::level::err;
    }
    return spdlog::level::err;
}

thread_local std::string current_request_id;

}  // namespace

std::optional<Level> ParseLevel(std::string_view name) {
    for (size_t i = 0; i < kLevelNames.size(); ++i) {
        if (kLevelNames[i] == name) {
            return static_cast<Level>(i);
        }
    }
    return std::nullopt;
}

std::string_view LevelName(Level level) {
    return kLevelNames.at(static_cast<size_t>(level));
}

void Init(const LogConfig& config, std::shared_ptr<const Redactor> redactor) {
    CurrentState().store(
        MakeState(config, std::move(redactor), std::make_shared<spdlog::sinks::stderr_sink_mt>()));
}

void Init(const LogConfig& config, std::shared_ptr<const Redactor> redactor, LineSink sink) {
    CurrentState().store(
        MakeState(config, std::move(redactor), std::make_shared<CallbackSink>(std::move(sink))));
}

bool Enabled(Level level) {
    return level >= CurrentState().load()->level;
}

void Logger::Log(Level level, std::string_view message, std::span<const Field> fields) const {
    const auto state = CurrentState().load();
    if (level < state->level) {
        return;
    }
    const LogRecord record{std::chrono::time_point_cast<std::chrono::milliseconds>(Clock::now()),
                           level,
                           name_,
                           message,
                           current_request_id,
                           fields};
    const std::string line = FormatLogLine(record, state->redactor.get());
    state->output->log(SpdlogLevel(level), spdlog::string_view_t(line.data(), line.size()));
}

ScopedRequestId::ScopedRequestId(std::string id)
    : previous_(std::exchange(current_request_id, std::move(id))) {}

ScopedRequestId::~ScopedRequestId() {
    current_request_id = std::move(previous_);
}

std::string_view CurrentRequestId() {
    return current_request_id;
}

}  // namespace scs::log
