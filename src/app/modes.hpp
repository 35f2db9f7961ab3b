#pragma once

#include <memory>

#include "app/cli.hpp"
#include "app/config.hpp"
#include "security/redactor.hpp"

namespace scs {

// Each returns the process exit code: 0 after a clean shutdown, 1 when start-up failed.

// `scs serve` (with_workers = false) and `scs all` (true): the HTTP server until SIGINT/SIGTERM,
// then a graceful shutdown.
// With `with_sandbox` (`scs all --sandbox`) the platform sandboxes run beside it (scs-sandbox), the
// connectors point at them and a demo seller is connected to each platform's demo store.
int RunServe(AppConfig config,
             std::shared_ptr<Redactor> redactor,
             bool with_workers,
             bool with_sandbox = false);

// `scs sandbox`: the platform sandboxes on sandbox.addr until SIGINT/SIGTERM.
int RunSandbox(const AppConfig& config);

// `scs work`: the background worker process until SIGINT/SIGTERM.
int RunWork(AppConfig config, std::shared_ptr<Redactor> redactor, const std::string& groups);

// `scs queues create | stats | probe`: prints what it did; 1 when it failed (a probe that did
// not come back in time included).
int RunQueues(AppConfig config, std::shared_ptr<Redactor> redactor, const CliCommand& command);

// `scs migrate up | down N | force V`: prints the resulting schema version.
int RunMigrate(const AppConfig& config, const CliCommand& command);

}  // namespace scs
