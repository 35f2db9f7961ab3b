#include <iostream>
#include <thread>

#include "app/background_work.hpp"
#include "app/modes.hpp"
#include "app/runtime.hpp"
#include "jobs/probe/probe_jobs.hpp"
#include "jobs/queue_names.hpp"
#include "jobs/worker/job.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

constexpr std::chrono::milliseconds kProbePoll{250};

int CreateCommand(const AppConfig& config) {
    if (config.queue.backend != "sqs") {
        std::cout << "sqlite queues live in the service database: nothing to create\n";
        return 0;
    }
    if (auto created = CreateQueues(config); !created) {
        std::cerr << "scs queues create: " << created.error().message << "\n";
        return 1;
    }
    std::cout << "sqs queues ready:";
    for (const auto& name : ServiceQueueNames(config.queue.name_prefix)) {
        std::cout << " " << name << " (+ " << DeadLetterQueueName(name) << ")";
    }
    std::cout << "\n";
    return 0;
}

int StatsCommand(Runtime& runtime) {
    int failures = 0;
    std::cout << "queue visible in_flight dead_letters oldest_age\n";
    for (const auto& [name, queue] : runtime.queues) {
        auto stats = queue->Stats();
        if (!stats) {
            std::cout << name << " error: " << stats.error().message << "\n";
            ++failures;
            continue;
        }
        std::cout << name << " " << stats->visible << " " << stats->in_flight << " "
                  << stats->dead_letters << " "
                  << (stats->oldest_age ? FormatDuration(*stats->oldest_age) : "unknown") << "\n";
    }
    return failures == 0 ? 0 : 1;
}

Status SendProbes(Runtime& runtime,
                  const CliCommand& command,
                  const std::vector<std::string>& queues,
                  const ProbeJob& base) {
    for (const auto& name : queues) {
        for (int i = 0; i < command.probe_count; ++i) {
            ProbeJob probe = base;
            const int group = i % command.probe_groups;
            probe.seq = i / command.probe_groups;
            const std::string group_id = "probe-" + base.run_id + "-" + std::to_string(group);
            OutgoingMessage message{EncodeJob(kProbeJobType, EncodeProbePayload(probe)),
                                    group_id,
                                    group_id + "-" + std::to_string(probe.seq)};
            auto sent = runtime.queues.at(name)->Send(message);
            if (!sent) {
                return Fail(sent.error().code, name + ": " + sent.error().message);
            }
        }
    }
    return {};
}

int ProbeCommand(Runtime& runtime, const CliCommand& command) {
    std::vector<std::string> queues;
    if (command.probe_queue.empty()) {
        queues = QueuesForGroups(runtime.config.worker.groups);
    } else if (runtime.queues.count(command.probe_queue) != 0 &&
               command.probe_queue != kOmsOrdersQueue) {
        queues.push_back(command.probe_queue);
    } else {
        std::cerr << "scs queues probe: --queue: no worker drains '" << command.probe_queue
                  << "'\n";
        return 2;
    }
    const auto hold = ParseDuration(command.probe_hold);
    const auto wait = ParseDuration(command.probe_wait);
    if (!hold || !wait) {
        std::cerr << "scs queues probe: --hold and --wait take durations like 500ms or 30s\n";
        return 2;
    }
    const ProbeJob base{RandomToken(6), 0, *hold};
    if (auto sent = SendProbes(runtime, command, queues, base); !sent) {
        std::cerr << "scs queues probe: " << sent.error().message << "\n";
        return 1;
    }
    const size_t expected = queues.size() * static_cast<size_t>(command.probe_count);
    std::cout << "probe run " << base.run_id << ": sent " << expected << " probes\n";
    if (wait->count() == 0) {
        return 0;
    }
    ProbeStore store(runtime.database->Executor(), runtime.clock);
    const auto deadline = std::chrono::steady_clock::now() + *wait;
    size_t done = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        auto records = store.List(base.run_id);
        done = records ? records->size() : done;
        if (done == expected) {
            std::cout << "probe run " << base.run_id << ": all " << expected << " processed\n";
            return 0;
        }
        std::this_thread::sleep_for(kProbePoll);
    }
    std::cerr << "scs queues probe: only " << done << " of " << expected << " probes processed in "
              << command.probe_wait << " (are workers running for these queues?)\n";
    return 1;
}

}  // namespace

int RunQueues(AppConfig config, std::shared_ptr<Redactor> redactor, const CliCommand& command) {
    if (command.queues_action == "create") {
        return CreateCommand(config);
    }
    auto runtime = BuildRuntime(std::move(config), std::move(redactor));
    if (!runtime) {
        std::cerr << "scs queues: " << runtime.error().message << "\n";
        return 1;
    }
    if (command.queues_action == "stats") {
        return StatsCommand(**runtime);
    }
    return ProbeCommand(**runtime, command);
}

}  // namespace scs
