#include "observability/process_stats.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

namespace scs {
namespace {

// 0-based positions, counted from the state field (field 3 of proc(5)), of the values we use.
constexpr size_t kUtime = 11;
constexpr size_t kStime = 12;
constexpr size_t kStartTime = 19;
constexpr size_t kVsize = 20;
constexpr size_t kRss = 21;

std::vector<std::string_view> SplitSpaces(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto start = text.find_first_not_of(" \n");
        if (start == std::string_view::npos) {
            break;
        }
        text.remove_prefix(start);
        const auto end = text.find_first_of(" \n");
        out.push_back(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end);
    }
    return out;
}

std::optional<int64_t> ToInt(std::string_view s) {
    int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return value;
}

std::string ReadWholeFile(const char* path) {
    std::ifstream in(path);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

double CountOpenFds() {
    std::error_code ec;
    double count = 0;
    for (std::filesystem::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end;
         it.increment(ec)) {
        ++count;
    }
    return count;
}

double MaxFds() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return 0;
    }
    return static_cast<double>(limit.rlim_cur);
}

prometheus::MetricFamily Family(const char* name,
                                const char* help,
                                prometheus::MetricType type,
                                double value) {
    prometheus::ClientMetric metric;
    if (type == prometheus::MetricType::Counter) {
        metric.counter.value = value;
    } else {
        metric.gauge.value = value;
    }
    return prometheus::MetricFamily{name, help, type, {metric}};
}

}  // namespace

std::optional<ProcessStats> ParseProcSelfStat(std::string_view stat, const ProcUnits& units) {
    // The command name (field 2) may contain spaces and parentheses; it ends at the last ')'.
    const auto comm_end = stat.rfind(')');
    if (comm_end == std::string_view::npos || units.ticks_per_second <= 0) {
        return std::nullopt;
    }
    const auto fields = SplitSpaces(stat.substr(comm_end + 1));
    if (fields.size() <= kRss) {
        return std::nullopt;
    }
    const auto utime = ToInt(fields[kUtime]);
    const auto stime = ToInt(fields[kStime]);
    const auto start = ToInt(fields[kStartTime]);
    const auto vsize = ToInt(fields[kVsize]);
    const auto rss = ToInt(fields[kRss]);
    if (!utime || !stime || !start || !vsize || !rss) {
        return std::nullopt;
    }
    const auto ticks = static_cast<double>(units.ticks_per_second);
    ProcessStats stats;
    stats.cpu_seconds = static_cast<double>(*utime + *stime) / ticks;
    stats.resident_bytes = static_cast<double>(*rss * units.page_size);
    stats.virtual_bytes = static_cast<double>(*vsize);
    stats.start_time_seconds =
        static_cast<double>(units.boot_time_seconds) + static_cast<double>(*start) / ticks;
    return stats;
}

std::optional<int64_t> ParseBootTime(std::string_view proc_stat) {
    constexpr std::string_view kKey = "btime ";
    size_t pos = proc_stat.starts_with(kKey) ? 0 : proc_stat.find("\nbtime ");
    if (pos == std::string_view::npos) {
        return std::nullopt;
    }
    pos = proc_stat.find(' ', pos) + 1;
    const auto end = proc_stat.find('\n', pos);
    return ToInt(proc_stat.substr(pos, end == std::string_view::npos ? end : end - pos));
}

ProcessStats ReadProcessStats() {
    const ProcUnits units{sysconf(_SC_CLK_TCK),
                          sysconf(_SC_PAGESIZE),
                          ParseBootTime(ReadWholeFile("/proc/stat")).value_or(0)};
    ProcessStats stats =
        ParseProcSelfStat(ReadWholeFile("/proc/self/stat"), units).value_or(ProcessStats{});
    stats.open_fds = CountOpenFds();
    stats.max_fds = MaxFds();
    return stats;
}

std::vector<prometheus::MetricFamily> ProcessMetricFamilies(const ProcessStats& stats) {
    using prometheus::MetricType;
    return {
        Family("process_cpu_seconds_total",
               "Total user and system CPU time spent in seconds.",
               MetricType::Counter,
               stats.cpu_seconds),
        Family("process_resident_memory_bytes",
               "Resident memory size in bytes.",
               MetricType::Gauge,
               stats.resident_bytes),
        Family("process_virtual_memory_bytes",
               "Virtual memory size in bytes.",
               MetricType::Gauge,
               stats.virtual_bytes),
        Family("process_open_fds",
               "Number of open file descriptors.",
               MetricType::Gauge,
               stats.open_fds),
        Family("process_max_fds",
               "Maximum number of open file descriptors.",
               MetricType::Gauge,
               stats.max_fds),
        Family("process_start_time_seconds",
               "Start time of the process since unix epoch in seconds.",
               MetricType::Gauge,
               stats.start_time_seconds),
    };
}

}  // namespace scs
