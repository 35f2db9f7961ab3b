#include <atomic>
#include <functional>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "state_backend.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr int kChildren = 4;
constexpr milliseconds kHammerFor{1000};
// How long a child may go on past kHammerFor to reach its own minimum of grants (a loaded
// machine, a sanitizer build): starvation beyond this is a finding, not slowness.
constexpr milliseconds kHammerCap{15000};

// Runs `body` in `count` forked children at once and returns what each printed to its pipe.
// A child never returns into the test framework: it exits right after writing.
std::vector<std::string> RunInChildren(int count, const std::function<std::string(int)>& body) {
    std::vector<std::pair<pid_t, int>> children;
    for (int i = 0; i < count; ++i) {
        int fds[2] = {-1, -1};
        if (::pipe(fds) != 0) {
            ADD_FAILURE() << "pipe failed";
            break;
        }
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(fds[0]);
            const std::string report = body(i);
            const bool written = ::write(fds[1], report.data(), report.size()) ==
                                 static_cast<ssize_t>(report.size());
            ::_exit(written ? 0 : 1);
        }
        ::close(fds[1]);
        children.emplace_back(pid, fds[0]);
    }
    std::vector<std::string> reports;
    for (const auto& [pid, fd] : children) {
        std::string report;
        char buffer[256];
        for (ssize_t n = 0; (n = ::read(fd, buffer, sizeof(buffer))) > 0;) {
            report.append(buffer, static_cast<size_t>(n));
        }
        ::close(fd);
        int status = 0;
        ::waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child " << pid;
        reports.push_back(report);
    }
    return reports;
}

// What a child counted, sent to the parent as "granted errors overlaps last-error".
struct Tally {
    int64_t granted = 0;
    int64_t errors = 0;
    int64_t overlaps = 0;
    std::string last_error;

    std::string Encode() const {
        std::ostringstream out;
        out << granted << ' ' << errors << ' ' << overlaps << ' ' << last_error;
        return out.str();
    }

    void Add(const std::string& report) {
        std::istringstream in(report);
        Tally child;
        in >> child.granted >> child.errors >> child.overlaps;
        std::getline(in, child.last_error);
        granted += child.granted;
        errors += child.errors;
        overlaps += child.overlaps;
        if (!child.last_error.empty()) {
            last_error = child.last_error;
        }
    }
};

class StateConcurrencyTest : public StateStoreTest {
protected:
    // Runs `work` against a store of its own in each child until the hammer time is over (and,
    // up to kHammerCap, until the child was granted `min_grants` times), and sums their tallies;
    // `elapsed` is the wall time from the first fork to the last exit.
    Tally Hammer(const std::function<void(StateStore&, int, Tally&)>& work,
                 milliseconds& elapsed,
                 int64_t min_grants = 0) {
        backend_->CloseStore();  // no connection of the parent crosses the fork
        const auto started = steady_clock::now();
        const auto reports = RunInChildren(kChildren, [&](int child) {
            Tally tally;
            auto opened = backend_->OpenRealTimeStore();
            if (!opened) {
                tally.errors = 1;
                tally.last_error = opened.error().message;
                return tally.Encode();
            }
            const auto start = steady_clock::now();
            const auto deadline = start + kHammerFor;
            const auto cap = start + kHammerCap;
            while (steady_clock::now() < deadline ||
                   (tally.granted < min_grants && steady_clock::now() < cap)) {
                work(*(*opened)->store, child, tally);
            }
            return tally.Encode();
        });
        elapsed = std::chrono::duration_cast<milliseconds>(steady_clock::now() - started);
        Tally total;
        for (const std::string& report : reports) {
            total.Add(report);
        }
        return total;
    }
};

TEST_P(StateConcurrencyTest, ConcurrentDrawsNeverOverspendTheBucket) {
    constexpr double kCapacity = 50;
    constexpr double kRefillPerSecond = 20;
    milliseconds elapsed{0};
    const Tally total = Hammer(
        [](StateStore& store, int, Tally& tally) {
            auto draw = store.TryTake("shared-bucket", kCapacity, kRefillPerSecond, 1);
            if (!draw) {
                ++tally.errors;
                tally.last_error = draw.error().message;
            } else if (draw->granted) {
                ++tally.granted;
            }
        },
        elapsed);
    RecordProperty("granted", std::to_string(total.granted));
    RecordProperty("elapsed_ms", std::to_string(elapsed.count()));
    EXPECT_EQ(total.errors, 0) << total.last_error;
    // Clock reads are whole milliseconds: allow one more on each end of the window.
    const double seconds = static_cast<double>(elapsed.count() + 2) / 1000;
    EXPECT_LE(static_cast<double>(total.granted), kCapacity + kRefillPerSecond * seconds)
        << "over " << elapsed.count() << " ms";
    // The children drained the bucket, so an overspend would have shown.
    EXPECT_GE(static_cast<double>(total.granted), kCapacity);
}

// A counter in memory shared with the children, to catch two holders at once.
class SharedCounter {
public:
    using Counter = std::atomic<int>;
    static_assert(Counter::is_always_lock_free, "shared between processes");

    SharedCounter()
        : memory_(::mmap(
              nullptr, sizeof(Counter), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0)),
          counter_(new (memory_) Counter(0)) {}

    ~SharedCounter() { ::munmap(memory_, sizeof(Counter)); }

    SharedCounter(const SharedCounter&) = delete;
    SharedCounter& operator=(const SharedCounter&) = delete;
    SharedCounter(SharedCounter&&) = delete;
    SharedCounter& operator=(SharedCounter&&) = delete;

    Counter& operator*() { return *counter_; }

private:
    void* memory_;
    Counter* counter_;
};

TEST_P(StateConcurrencyTest, OneLeaseHolderAtATimeAcrossProcesses) {
    SharedCounter holders;
    milliseconds elapsed{0};
    const Tally total = Hammer(
        [&holders](StateStore& store, int child, Tally& tally) {
            const std::string owner = "worker-" + std::to_string(child);
            auto acquired = store.TryAcquireLease("sync:1:orders", owner, std::chrono::seconds(10));
            if (!acquired) {
                ++tally.errors;
                tally.last_error = acquired.error().message;
                return;
            }
            if (!*acquired) {
                return;
            }
            ++tally.granted;
            tally.overlaps += (++*holders == 1) ? 0 : 1;
            // Still ours while we hold it: no other process took it over.
            auto lease = store.GetLease("sync:1:orders");
            tally.overlaps += (lease && *lease && (*lease)->owner == owner) ? 0 : 1;
            --*holders;
            tally.errors += store.ReleaseLease("sync:1:orders", owner) ? 0 : 1;
        },
        elapsed,
        1);
    RecordProperty("acquired", std::to_string(total.granted));
    EXPECT_EQ(total.errors, 0) << total.last_error;
    EXPECT_EQ(total.overlaps, 0);
    EXPECT_GE(total.granted, kChildren) << "the lease changed hands too rarely to test anything";
}

// Draws one token `count` times, counting grants and errors.
void DrawMany(StateStore& store, double capacity, double refill, int count, Tally& tally) {
    for (int i = 0; i < count; ++i) {
        auto draw = store.TryTake("shared-bucket", capacity, refill, 1);
        tally.granted += draw && draw->granted ? 1 : 0;
        tally.errors += draw ? 0 : 1;
    }
}

TEST_P(StateConcurrencyTest, ThreadsSharingOneStoreNeverOverspend) {
    constexpr double kCapacity = 100;
    constexpr double kRefillPerSecond = 1;
    constexpr int kThreads = 8;
    constexpr int kDrawsPerThread = 50;
    std::vector<Tally> tallies(kThreads);
    const auto started = steady_clock::now();
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (Tally& tally : tallies) {
        threads.emplace_back(
            [&] { DrawMany(Store(), kCapacity, kRefillPerSecond, kDrawsPerThread, tally); });
    }
    Tally total;
    for (size_t t = 0; t < threads.size(); ++t) {
        threads[t].join();
        total.Add(tallies[t].Encode());
    }
    const auto elapsed = std::chrono::duration_cast<milliseconds>(steady_clock::now() - started);
    EXPECT_EQ(total.errors, 0);
    EXPECT_GE(static_cast<double>(total.granted), kCapacity);
    // The fake clock stands still, so exactly the capacity; real time may add its refill.
    const double refill = backend_->ExactTime()
                              ? 0.0
                              : kRefillPerSecond * static_cast<double>(elapsed.count() + 2) / 1000;
    EXPECT_LE(static_cast<double>(total.granted), kCapacity + refill);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         StateConcurrencyTest,
                         ::testing::Values(StateBackend::kSqlite, StateBackend::kRedis),
                         StateBackendName);

}  // namespace
}  // namespace scs::testing
