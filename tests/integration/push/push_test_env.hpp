#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "connectors/connector_registry.hpp"
#include "fake_push_platform.hpp"
#include "integration/jobs/outbox/outbox_env.hpp"
#include "push/fulfillment_push_job.hpp"
#include "push/inventory_push_job.hpp"
#include "push/push_service.hpp"
#include "push/status_push_job.hpp"
#include "security/secret_box.hpp"

namespace scs::testing {

// The push pieces over one OutboxTestEnv (SQLite or PostgreSQL by GetParam()): an active
// connection on the fake platform with hubs H1, H2 -> location L1 and H3 -> L2, listings for
// SKUs A (item ia) and B (item ib), the PushService and the three jobs (max_receives 3).
class PushTest : public ::testing::TestWithParam<OutboxDialect> {
protected:
    static constexpr int kMaxReceives = 3;

    void SetUp() override;
    void TearDown() override;

    // Enqueues an inventory push of `items`; fails the test when refused.
    PushRecord PushInventory(const std::vector<InventoryLine>& items);

    // Runs the job of `record` as delivery `receive_count`.
    Status RunJob(const PushRecord& record, int receive_count = 1);

    PushRecord Get(int64_t push_id);
    void UpdateConnection(const std::function<void(Connection&)>& change);
    std::vector<LedgerEntry> Ledger();

    std::vector<OutboxRow> Rows() { return ReadOutbox(env_->Executor()); }

    int64_t MetricOr0(const std::string& series) const;

    std::unique_ptr<OutboxTestEnv> env_;
    std::unique_ptr<SecretBox> secrets_;
    std::shared_ptr<FakePushPlatform> platform_ = std::make_shared<FakePushPlatform>();
    std::unique_ptr<ConnectorRegistry> registry_;
    Metrics metrics_{"test", "test"};
    std::unique_ptr<PushMetrics> push_metrics_;
    std::unique_ptr<PushService> service_;
    std::unique_ptr<InventoryPushJob> inventory_job_;
    std::unique_ptr<FulfillmentPushJob> fulfillment_job_;
    std::unique_ptr<StatusPushJob> status_job_;
    int notified_ = 0;
    Connection connection_;
};

}  // namespace scs::testing
