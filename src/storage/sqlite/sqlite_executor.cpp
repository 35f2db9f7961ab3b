#include "storage/sqlite/sqlite_executor.hpp"

#include <system_error>

#include "storage/session_pool.hpp"
#include "storage/sqlite/sqlite_session.hpp"
#include "storage/transaction_retry.hpp"

namespace scs {
namespace {

// SqlExecutor over pooled SqliteSessions. Owned by the SqlDatabase; thread-safe.
class SqliteExecutor final : public SqlExecutor {
public:
    SqliteExecutor(const std::filesystem::path& file, const StorageConfig& config)
        : pool_(config.pool_size, config.busy_timeout, [file, config] {
              return SqliteSession::Open(file, config);
          }) {}

    std::string_view Dialect() const override { return "sqlite"; }

    Status Transact(TxMode mode, const TransactionFn& fn) override {
        auto lease = pool_.Acquire();
        if (!lease) {
            return tl::unexpected(std::move(lease.error()));
        }
        SqliteSession& session = **lease;
        auto status = RetryTransaction([&] { return Attempt(session, mode, fn); });
        if (!session.RollbackIfOpen()) {
            lease->Discard();
        }
        return status;
    }

    void Seed(std::unique_ptr<SqliteSession> session) { pool_.Seed(std::move(session)); }

private:
    static TxAttempt Attempt(SqliteSession& session, TxMode mode, const TransactionFn& fn) {
        session.ClearBusy();
        // A busy BEGIN has already waited busy_timeout in SQLite's busy handler: no retry.
        auto begun = session.Exec(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
        if (!begun) {
            return {tl::unexpected(std::move(begun.error())), false};
        }
        Status status = fn(session);
        if (status) {
            auto committed = session.Exec("COMMIT");
            if (committed) {
                return {};
            }
            status = tl::unexpected(std::move(committed.error()));
        }
        const bool retry = session.Busy() && session.RollbackIfOpen();
        return {std::move(status), retry};
    }

    SessionPool<SqliteSession> pool_;
};

}  // namespace

Result<std::unique_ptr<SqlExecutor>> OpenSqliteExecutor(const std::filesystem::path& file,
                                                        const StorageConfig& config) {
    if (file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
            return Fail(
                ErrorCode::kUnavailable,
                "cannot create directory " + file.parent_path().string() + ": " + ec.message());
        }
    }
    // Opening one connection now reports a bad path at start-up instead of at first use.
    auto first = SqliteSession::Open(file, config);
    if (!first) {
        return tl::unexpected(std::move(first.error()));
    }
    auto executor = std::make_unique<SqliteExecutor>(file, config);
    executor->Seed(std::move(*first));
    return executor;
}

}  // namespace scs
