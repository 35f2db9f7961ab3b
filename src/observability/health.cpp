#include "observability/health.hpp"

#include <exception>
#include <future>
#include <stdexcept>

#include "observability/json_escape.hpp"

namespace scs {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Runs on its own thread, so it must not let an exception escape (STYLE: none crosses a thread).
ComponentHealth RunCheck(const std::string& name, const std::function<Status()>& check) {
    ComponentHealth health{name, false, {}, {}};
    const auto start = SteadyClock::now();
    try {
        const Status status = check();
        health.ok = status.has_value();
        health.message = status ? "" : status.error().message;
    } catch (const std::exception& e) {
        health.message = std::string("check threw: ") + e.what();
    } catch (...) {
        health.message = "check threw a non-standard exception";
    }
    health.latency =
        std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start);
    return health;
}

}  // namespace

void HealthChecker::Add(std::string name, std::function<Status()> check) {
    // Names are JSON keys of the report; a duplicate is a wiring bug, caught at start-up.
    for (const auto& existing : checks_) {
        if (existing.first == name) {
            throw std::logic_error("health check '" + name + "' is registered twice");
        }
    }
    checks_.emplace_back(std::move(name), std::move(check));
}

HealthReport HealthChecker::Run() const {
    std::vector<std::future<ComponentHealth>> pending;
    pending.reserve(checks_.size());
    for (const auto& [name, check] : checks_) {
        pending.push_back(
            std::async(std::launch::async, RunCheck, std::cref(name), std::cref(check)));
    }
    HealthReport report{true, {}};
    report.components.reserve(pending.size());
    for (auto& future : pending) {
        report.components.push_back(future.get());
        report.ok = report.ok && report.components.back().ok;
    }
    return report;
}

std::string ToJson(const HealthReport& report) {
    std::string out =
        report.ok ? R"({"status":"ok","checks":{)" : R"({"status":"unavailable","checks":{)";
    bool first = true;
    for (const auto& component : report.components) {
        if (!first) {
            out.push_back(',');
        }
        first = false;
        AppendJsonString(out, component.name);
        out.append(component.ok ? R"(:{"ok":true,"latency_ms":)" : R"(:{"ok":false,"latency_ms":)");
        out.append(std::to_string(component.latency.count()));
        // Never the check's own message: it names users, hosts and ports, and /health answers
        // anyone. HealthResponse logs it.
        out.append(component.ok ? R"(,"message":""})" : R"(,"message":"unavailable"})");
    }
    out.append("}}");
    return out;
}

}  // namespace scs
