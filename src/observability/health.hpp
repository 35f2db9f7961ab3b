#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace scs {

struct ComponentHealth {
    std::string name;
    bool ok = false;
    std::string message;  // the check's error message when not ok; for logs, not for /health
    std::chrono::milliseconds latency{};
};

struct HealthReport {
    bool ok = false;                          // every check passed
    std::vector<ComponentHealth> components;  // in the order the checks were added
};

// The named dependency checks behind GET /health (database, redis, queue...), registered at
// start-up and run for real on every Run(). A check must bound its own duration (a ping with a
// timeout): Run waits for all of them. Owned by the composition root. Add() is for start-up only;
// after that Run() may be called from any number of threads.
class HealthChecker {
public:
    // Throws std::logic_error if `name` is already registered (a wiring bug).
    void Add(std::string name, std::function<Status()> check);

    // Runs every check concurrently and waits for all. A check that throws is reported as not ok
    // with the exception's message. With no checks the report is ok.
    HealthReport Run() const;

private:
    std::vector<std::pair<std::string, std::function<Status()>>> checks_;
};

// {"status":"ok"|"unavailable","checks":{"database":{"ok":true,"latency_ms":1,"message":""}}}
// A failed check's message is just "unavailable": the answer is for anyone, and a check's error
// names users, hosts and ports, so whoever serves it logs ComponentHealth::message instead.
std::string ToJson(const HealthReport& report);

}  // namespace scs
