#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <prometheus/metric_family.h>

// The standard Prometheus process metrics, read from /proc/self at scrape time. Parsing is
// separate from reading so it can be tested on fixed text. Stateless; thread-safe.
namespace scs {

struct ProcessStats {
    double cpu_seconds = 0;  // user + system
    double resident_bytes = 0;
    double virtual_bytes = 0;
    double start_time_seconds = 0;  // since the Unix epoch
    double open_fds = 0;
    double max_fds = 0;
};

// What turns /proc/self/stat's tick and page counts into seconds and bytes.
struct ProcUnits {
    int64_t ticks_per_second = 100;
    int64_t page_size = 4096;
    int64_t boot_time_seconds = 0;  // "btime" of /proc/stat
};

// Fills cpu, memory and start time from the text of /proc/self/stat; nullopt if malformed.
std::optional<ProcessStats> ParseProcSelfStat(std::string_view stat, const ProcUnits& units);

// The "btime" line of /proc/stat: boot time in seconds since the epoch.
std::optional<int64_t> ParseBootTime(std::string_view proc_stat);

// Reads this process's stats; what cannot be read is left at zero.
ProcessStats ReadProcessStats();

// process_cpu_seconds_total, process_resident_memory_bytes, process_virtual_memory_bytes,
// process_open_fds, process_max_fds, process_start_time_seconds.
std::vector<prometheus::MetricFamily> ProcessMetricFamilies(const ProcessStats& stats);

}  // namespace scs
