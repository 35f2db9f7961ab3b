#pragma once

#include <string_view>

#include "core/result.hpp"
#include "storage/sql.hpp"

namespace pqxx {
class transaction_base;
}  // namespace pqxx

namespace scs {

// A libpqxx failure converted at the adapter edge.
struct PgFailure {
    Error error;
    bool retryable = false;  // nothing was committed and a fresh attempt can succeed
    bool broken = false;     // the connection is dead and must leave the pool
};

// Converts the exception being handled; call only inside a catch block. `context` (the
// statement, "COMMIT") ends the message.
PgFailure CurrentPgFailure(std::string_view context);

// The SqlSession over one connection, driven through a libpqxx nontransaction: this class sends
// BEGIN/COMMIT/ROLLBACK itself, because a libpqxx transaction object aborts on the first failed
// statement, which would make SAVEPOINT recovery impossible. Created by the PostgresExecutor for
// one Transact callback and used by one thread.
class PostgresSession final : public SqlSession {
public:
    explicit PostgresSession(pqxx::transaction_base& transaction) : transaction_(transaction) {}

    // Transaction control for the executor.
    [[nodiscard]] Status Begin(TxMode mode);
    // Fails when a failed statement left the transaction aborted (the server would roll back),
    // or when the connection died: then the outcome is unknown and Retryable() is false.
    [[nodiscard]] Status Commit();
    // False when the connection is unusable afterwards.
    [[nodiscard]] bool Rollback();

    using SqlSession::Exec;
    Result<SqlRows> Exec(std::string_view sql, const SqlParams& params) override;
    Status ExecScript(std::string_view sql) override;

    // The worst failure seen by Exec/ExecScript so far.
    bool Retryable() const { return retryable_; }

    bool Broken() const { return broken_; }

private:
    Error Record(const PgFailure& failure);

    pqxx::transaction_base& transaction_;
    bool failed_ = false;  // a statement failed: the server may have aborted the transaction
    bool retryable_ = false;
    bool broken_ = false;
};

}  // namespace scs
