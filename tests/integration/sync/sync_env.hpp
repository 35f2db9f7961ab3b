#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "connectors/connector_registry.hpp"
#include "integration/jobs/outbox/outbox_env.hpp"
#include "security/secret_box.hpp"
#include "state/state_store.hpp"
#include "sync/sync_job.hpp"
#include "sync/sync_metrics.hpp"
#include "sync/sync_service.hpp"

namespace scs::testing {

// A platform served from memory for the page loop's own logic: pages keyed by cursor ("" is
// the first), an error to return at one cursor, and a record of every request. Thread-safe.
class MemoryStore {
public:
    // Orders "1".."count" updated one minute apart from `base`, in pages of `page_size`; the
    // orders named in `poison` fail to map.
    void Fill(int count, int page_size, const std::vector<std::string>& poison = {});

    // Changes order `external_id`'s note (its content) and moves its updated_at one hour on.
    void Touch(const std::string& external_id);

    void FailAt(const std::string& cursor, ErrorCode code);
    void ClearFailure();

    std::vector<std::string> RequestedCursors() const;
    std::vector<OrderPageRequest> Requests() const;

    Result<OrderPage> Fetch(const OrderPageRequest& request);

    // The catalogue: `listings` served in pages of `page_size`.
    void SetListings(std::vector<Listing> listings, int page_size);
    Result<ProductPage> FetchProducts(const ProductPageRequest& request);

private:
    mutable std::mutex mutex_;
    std::vector<std::string> ids_;
    std::map<std::string, Order> orders_;
    std::vector<std::string> poison_;
    int page_size_ = 1;
    std::optional<std::pair<std::string, ErrorCode>> failure_;
    std::vector<OrderPageRequest> requests_;
    std::vector<Listing> listings_;
    int listing_page_size_ = 1;
};

// The sync pieces over one OutboxTestEnv (SQLite or PostgreSQL service database, SQLite queues
// and state on a manual clock): a connection on the in-memory platform, the SyncService, the
// job and its metrics. GetParam() picks the service database.
class SyncTest : public ::testing::TestWithParam<OutboxDialect> {
protected:
    void SetUp() override;
    void TearDown() override;

    // Triggers a manual sync; fails the test when refused.
    SyncRun Trigger(std::optional<TimePoint> from = std::nullopt);
    SyncRun TriggerProducts();

    // Receives the next sync message (orders and products share the recorded queue here) and
    // runs its job on it, deleting it on success.
    Status RunNextJob(bool stop_requested = false);

    SyncRun Run(int64_t run_id);
    std::optional<LeaseInfo> Lease();
    int64_t MetricOr0(const std::string& series) const;

    std::vector<OutboxRow> Rows() { return ReadOutbox(env_->Executor()); }

    std::unique_ptr<OutboxTestEnv> env_;
    std::unique_ptr<StateStore> state_;
    std::unique_ptr<Queue> fetch_queue_;
    std::unique_ptr<RecordingQueue> fetch_orders_;
    std::unique_ptr<SecretBox> secrets_;
    std::shared_ptr<MemoryStore> platform_ = std::make_shared<MemoryStore>();
    std::unique_ptr<ConnectorRegistry> registry_;
    Metrics metrics_{"test", "test"};
    std::unique_ptr<SyncMetrics> sync_metrics_;
    SyncOptions options_;
    std::unique_ptr<SyncService> service_;
    std::unique_ptr<SyncJob> job_;
    std::unique_ptr<SyncJob> products_job_;
    std::atomic<int> notified_{0};
    Connection connection_;
};

}  // namespace scs::testing
