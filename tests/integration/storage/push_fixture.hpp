#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/push_store.hpp"
#include "storage_backend.hpp"

// The shared fixture of the migration 0007 tests (listings, pushes, pending inventory, ledger):
// a migrated database of the parameter's dialect per test, and push builders.
namespace scs::testing {

inline constexpr int64_t kPushT0 = 1'767'400'000'000;

class MigratedStoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override;
    void TearDown() override;

    SqlExecutor& Executor() { return database_->Executor(); }

    // Runs fn(SqlSession&) -> Result<T> in one write transaction.
    template <class T, class Fn>
    Result<T> Write(Fn&& fn) {
        return TransactValue<T>(Executor(), TxMode::kWrite, std::forward<Fn>(fn));
    }

    // CreatePush in its own transaction.
    Result<CreatedPush> Create(const PushRecord& record, int64_t at_millis = kPushT0);
    // Create that must succeed and create.
    PushRecord CreateOk(const PushRecord& record, int64_t at_millis = kPushT0);
    PushRecord GetOk(int64_t connection_id, int64_t push_id);

    StorageConfig config_;
    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
};

PushItem MakeItem(const std::string& sku, const std::string& hub, int64_t quantity);

PushRecord MakeInventoryPush(int64_t connection_id,
                             const std::string& key,
                             std::vector<PushItem> items);

PushRecord MakeOrderPush(int64_t connection_id, PushKind kind, const std::string& key);

}  // namespace scs::testing
