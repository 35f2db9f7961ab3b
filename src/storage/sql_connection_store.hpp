#pragma once

#include <string>

#include "storage/connection_store.hpp"
#include "storage/sql.hpp"

namespace scs {

// ConnectionStore over the dialect-neutral SQL layer: the same statements serve SQLite and
// PostgreSQL. Owned by the SqlDatabase, which outlives it with the executor. Thread-safe.
class SqlConnectionStore final : public ConnectionStore {
public:
    explicit SqlConnectionStore(SqlExecutor& executor) : executor_(executor) {}

    Result<Connection> Create(const Connection& connection) override;
    Result<Connection> Get(int64_t id) override;
    Result<std::vector<Connection>> ListBySeller(std::string_view seller_id) override;
    Result<std::optional<Connection>> FindByStore(std::string_view platform,
                                                  std::string_view store_id) override;
    Result<std::vector<Connection>> ListActive() override;
    Result<Connection> Update(const Connection& connection) override;

private:
    Result<std::vector<Connection>> Query(TxMode mode,
                                          const std::string& sql,
                                          const SqlParams& params);

    SqlExecutor& executor_;
};

}  // namespace scs
