#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "storage/sql.hpp"

// Probe jobs: `scs queues probe` sends them through the real queues, and the worker that runs
// one records it in job_probes (migration 0005). Operators use them to check that every queue
// is drained end to end after a deploy; the crash test uses them to see which messages ran, on
// which worker, in which order and how often.
namespace scs {

inline constexpr std::string_view kProbeJobType = "ops.probe";

// What a probe job carries.
struct ProbeJob {
    std::string run_id;  // one `scs queues probe` invocation
    int64_t seq = 0;     // order within its group, from 0
    // How long the handler holds the message before recording it (at most 10 min): long
    // enough to kill a worker mid-job.
    std::chrono::milliseconds hold{0};
};

// A probe that a worker ran.
struct ProbeRecord {
    int64_t order = 0;  // ascending in the order the probes were first recorded
    std::string run_id;
    std::string queue;
    std::string group_id;
    int64_t seq = 0;
    std::string worker;     // the worker that recorded it first
    int receive_count = 0;  // the message's receive count at that time
    int deliveries = 0;     // how many times a worker ran it (more than 1 after a crash)
    TimePoint processed_at{};
};

// The payload object of a probe job, and back; kInvalidPayload names the bad field.
std::string EncodeProbePayload(const ProbeJob& probe);
[[nodiscard]] Result<ProbeJob> ParseProbePayload(std::string_view payload_json);

// job_probes over the service database (SQLite or PostgreSQL). Created by the composition
// root, which outlives it. Thread-safe.
class ProbeStore {
public:
    ProbeStore(SqlExecutor& executor, const TimeSource& clock)
        : executor_(executor), clock_(clock) {}

    // The first recording of a probe keeps its order and worker; later ones count deliveries.
    [[nodiscard]] Status Record(const ProbeJob& probe,
                                std::string_view queue,
                                const ReceivedMessage& message,
                                std::string_view worker);

    // The probes of one run, in recording order.
    [[nodiscard]] Result<std::vector<ProbeRecord>> List(std::string_view run_id);

private:
    SqlExecutor& executor_;
    const TimeSource& clock_;
};

// The handler for kProbeJobType: holds for probe.hold (giving up when the worker stops), then
// records the probe as `worker`. The store outlives the handler.
JobHandler MakeProbeHandler(ProbeStore& store, std::string worker);

}  // namespace scs
