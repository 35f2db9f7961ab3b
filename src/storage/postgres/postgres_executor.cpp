#include "storage/postgres/postgres_executor.hpp"

#include <pqxx/pqxx>

#include "storage/postgres/pg_dsn.hpp"
#include "storage/postgres/pg_errors.hpp"
#include "storage/postgres/postgres_session.hpp"
#include "storage/session_pool.hpp"
#include "storage/transaction_retry.hpp"

namespace scs {
namespace {

// One attempt's outcome, and whether its connection died.
struct PgAttempt {
    TxAttempt attempt;
    bool broken = false;
};

PgAttempt Run(PostgresSession& session, TxMode mode, const TransactionFn& fn) {
    if (auto begun = session.Begin(mode); !begun) {
        return {{std::move(begun), session.Retryable()}, session.Broken()};
    }
    Status status = fn(session);
    if (status) {
        status = session.Commit();
        if (status) {
            return {};
        }
    }
    const bool clean = session.Rollback();
    return {{std::move(status), session.Retryable()}, session.Broken() || !clean};
}

PgAttempt Attempt(pqxx::connection& connection, TxMode mode, const TransactionFn& fn) {
    try {
        pqxx::nontransaction statements(connection);
        PostgresSession session(statements);
        PgAttempt outcome = Run(session, mode, fn);
        // Closes the libpqxx object only; the server transaction has ended above.
        statements.abort();
        return outcome;
    } catch (...) {
        PgFailure failure = CurrentPgFailure("transaction");
        return {{tl::unexpected(std::move(failure.error)), failure.retryable}, failure.broken};
    }
}

// SqlExecutor over pooled libpqxx connections. Owned by the SqlDatabase; thread-safe.
class PostgresExecutor final : public SqlExecutor {
public:
    PostgresExecutor(const std::string& dsn, const StorageConfig& config)
        : dsn_(WithConnectTimeout(dsn, config.connect_timeout)),
          redacted_dsn_(RedactDsn(dsn)),
          password_(DsnPassword(dsn)),
          timeout_ms_(std::to_string(config.busy_timeout.count())),
          pool_(config.pool_size, config.busy_timeout, [this] { return Connect(); }) {}

    std::string_view Dialect() const override { return "postgres"; }

    Status Transact(TxMode mode, const TransactionFn& fn) override {
        return RetryTransaction([&]() -> TxAttempt {
            auto lease = pool_.Acquire();
            if (!lease) {
                return {tl::unexpected(std::move(lease.error())), false};
            }
            PgAttempt outcome = Attempt(**lease, mode, fn);
            if (outcome.broken) {
                lease->Discard();
                pool_.CloseIdle();
            }
            return std::move(outcome.attempt);
        });
    }

    Result<std::unique_ptr<pqxx::connection>> Connect() {
        try {
            auto connection = std::make_unique<pqxx::connection>(dsn_);
            connection->set_variable("statement_timeout", timeout_ms_);
            connection->set_variable("lock_timeout", timeout_ms_);
            // Notices (e.g. "relation already exists, skipping") are not for the service's log.
            connection->set_variable("client_min_messages", "warning");
            return connection;
        } catch (const std::exception& e) {
            return Fail(ErrorCode::kUnavailable,
                        "cannot connect to PostgreSQL at " + redacted_dsn_ + ": " +
                            ScrubSecret(PgMessageLine(e.what()), password_));
        }
    }

    void Seed(std::unique_ptr<pqxx::connection> connection) { pool_.Seed(std::move(connection)); }

private:
    const std::string dsn_;
    const std::string redacted_dsn_;
    const std::string password_;
    const std::string timeout_ms_;
    SessionPool<pqxx::connection> pool_;  // last: its factory uses the members above
};

}  // namespace

Result<std::unique_ptr<SqlExecutor>> OpenPostgresExecutor(const std::string& dsn,
                                                          const StorageConfig& config) {
    auto executor = std::make_unique<PostgresExecutor>(dsn, config);
    auto first = executor->Connect();
    if (!first) {
        return tl::unexpected(std::move(first.error()));
    }
    executor->Seed(std::move(*first));
    return executor;
}

}  // namespace scs
