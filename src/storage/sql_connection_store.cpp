#include "storage/sql_connection_store.hpp"

#include <string>

#include "storage/connection_codec.hpp"

namespace scs {
namespace {

// The columns every query reads, in the order ConnectionFromRow expects.
constexpr std::string_view kColumns =
    "id, seller_id, platform, name, store_id, marketplaces, status, settings, "
    "credential_fields, credentials_key_id, credentials_ciphertext, created_at, updated_at";

constexpr std::string_view kInsert =
    "INSERT INTO connections (seller_id, platform, name, store_id, marketplaces, status, "
    "settings, credential_fields, credentials_key_id, credentials_ciphertext, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

constexpr std::string_view kUpdate =
    "UPDATE connections SET name = $2, store_id = $3, marketplaces = $4, status = $5, "
    "settings = $6, credential_fields = $7, credentials_key_id = $8, "
    "credentials_ciphertext = $9, updated_at = $10 WHERE id = $1";

constexpr std::string_view kById = "WHERE id = $1";
constexpr std::string_view kBySeller =
    "WHERE seller_id = $1 AND status <> 'disconnected' ORDER BY id";
constexpr std::string_view kByStore =
    "WHERE platform = $1 AND store_id = $2 AND status <> 'disconnected'";
constexpr std::string_view kActive = "WHERE status = 'active' ORDER BY id";

std::string Select(std::string_view where) {
    return "SELECT " + std::string(kColumns) + " FROM connections " + std::string(where);
}

std::string Returning(std::string_view statement) {
    return std::string(statement) + " RETURNING " + std::string(kColumns);
}

enum Column : size_t {
    kId,
    kSellerId,
    kPlatform,
    kName,
    kStoreId,
    kMarketplaces,
    kStatus,
    kSettings,
    kCredentialFields,
    kCredentialsKeyId,
    kCredentialsCiphertext,
    kCreatedAt,
    kUpdatedAt,
};

Result<int64_t> RequireInt(const SqlRow& row, size_t column, std::string_view name) {
    const auto value = row.Int(column);
    if (!value) {
        return Fail(ErrorCode::kInternal,
                    "stored connections." + std::string(name) + " is not an integer");
    }
    return *value;
}

// Reads the JSON and enum columns; the plain ones are copied by ConnectionFromRow.
Status DecodeStructured(const SqlRow& row, Connection& connection) {
    const auto status = ParseConnectionStatus(row.Text(kStatus));
    if (!status) {
        return Fail(ErrorCode::kInternal,
                    "stored connection status is unknown: " + row.Text(kStatus));
    }
    connection.status = *status;
    auto marketplaces = DecodeStringList(row.Text(kMarketplaces));
    auto fields = DecodeStringList(row.Text(kCredentialFields));
    auto settings = DecodeSettings(row.Text(kSettings));
    if (!marketplaces || !fields || !settings) {
        return tl::unexpected(!marketplaces ? marketplaces.error()
                              : !fields     ? fields.error()
                                            : settings.error());
    }
    connection.marketplaces = std::move(*marketplaces);
    connection.credential_fields = std::move(*fields);
    connection.settings = std::move(*settings);
    return {};
}

Result<Connection> ConnectionFromRow(const SqlRow& row) {
    const auto id = RequireInt(row, kId, "id");
    const auto created = RequireInt(row, kCreatedAt, "created_at");
    const auto updated = RequireInt(row, kUpdatedAt, "updated_at");
    if (!id || !created || !updated) {
        return tl::unexpected(!id ? id.error() : !created ? created.error() : updated.error());
    }
    Connection connection;
    connection.id = *id;
    connection.created_at = FromUnixMillis(*created);
    connection.updated_at = FromUnixMillis(*updated);
    connection.seller_id = row.Text(kSellerId);
    connection.platform = row.Text(kPlatform);
    connection.name = row.Text(kName);
    connection.store_id = row.Text(kStoreId);
    connection.credentials.key_id = row.Text(kCredentialsKeyId);
    connection.credentials.ciphertext = row.Text(kCredentialsCiphertext);
    if (auto status = DecodeStructured(row, connection); !status) {
        return tl::unexpected(std::move(status.error()));
    }
    return connection;
}

Result<std::vector<Connection>> ConnectionsFromRows(const SqlRows& rows) {
    std::vector<Connection> connections;
    connections.reserve(rows.size());
    for (const SqlRow& row : rows) {
        auto connection = ConnectionFromRow(row);
        if (!connection) {
            return tl::unexpected(std::move(connection.error()));
        }
        connections.push_back(std::move(*connection));
    }
    return connections;
}

// The values both Create and Update write, from marketplaces on ($4/$5 onward).
void AppendMutableFields(const Connection& connection, SqlParams& params) {
    params.emplace_back(EncodeStringList(connection.marketplaces));
    params.emplace_back(std::string(ConnectionStatusName(connection.status)));
    params.emplace_back(EncodeSettings(connection.settings));
    params.emplace_back(EncodeStringList(connection.credential_fields));
    params.emplace_back(connection.credentials.key_id);
    params.emplace_back(connection.credentials.ciphertext);
}

Result<Connection> SingleRow(Result<std::vector<Connection>> connections, int64_t id) {
    if (!connections) {
        return tl::unexpected(std::move(connections.error()));
    }
    if (connections->empty()) {
        return Fail(ErrorCode::kNotFound, "connection " + std::to_string(id) + " not found");
    }
    return std::move(connections->front());
}

// A unique violation here can only be the live platform + store_id index.
Error StoreConflict(Error error, const Connection& connection) {
    if (error.code == ErrorCode::kConflict) {
        error.message = "a live " + connection.platform + " connection to store " +
                        connection.store_id + " already exists";
    }
    return error;
}

}  // namespace

Result<std::vector<Connection>> SqlConnectionStore::Query(TxMode mode,
                                                          const std::string& sql,
                                                          const SqlParams& params) {
    return TransactValue<std::vector<Connection>>(
        executor_, mode, [&](SqlSession& session) -> Result<std::vector<Connection>> {
            auto rows = session.Exec(sql, params);
            if (!rows) {
                return tl::unexpected(std::move(rows.error()));
            }
            return ConnectionsFromRows(*rows);
        });
}

Result<Connection> SqlConnectionStore::Create(const Connection& connection) {
    SqlParams params{
        connection.seller_id, connection.platform, connection.name, connection.store_id};
    AppendMutableFields(connection, params);
    params.emplace_back(ToUnixMillis(connection.created_at));
    params.emplace_back(ToUnixMillis(connection.updated_at));
    auto created = Query(TxMode::kWrite, Returning(kInsert), params);
    if (!created) {
        return tl::unexpected(StoreConflict(std::move(created.error()), connection));
    }
    return SingleRow(std::move(created), 0);
}

Result<Connection> SqlConnectionStore::Get(int64_t id) {
    return SingleRow(Query(TxMode::kRead, Select(kById), {id}), id);
}

Result<std::vector<Connection>> SqlConnectionStore::ListBySeller(std::string_view seller_id) {
    return Query(TxMode::kRead, Select(kBySeller), {std::string(seller_id)});
}

Result<std::optional<Connection>> SqlConnectionStore::FindByStore(std::string_view platform,
                                                                  std::string_view store_id) {
    auto found =
        Query(TxMode::kRead, Select(kByStore), {std::string(platform), std::string(store_id)});
    if (!found) {
        return tl::unexpected(std::move(found.error()));
    }
    if (found->empty()) {
        return std::optional<Connection>();
    }
    return std::optional<Connection>(std::move(found->front()));
}

Result<std::vector<Connection>> SqlConnectionStore::ListActive() {
    return Query(TxMode::kRead, Select(kActive), {});
}

Result<Connection> SqlConnectionStore::Update(const Connection& connection) {
    SqlParams params{connection.id, connection.name, connection.store_id};
    AppendMutableFields(connection, params);
    params.emplace_back(ToUnixMillis(connection.updated_at));
    auto updated = Query(TxMode::kWrite, Returning(kUpdate), params);
    if (!updated) {
        return tl::unexpected(StoreConflict(std::move(updated.error()), connection));
    }
    return SingleRow(std::move(updated), connection.id);
}

}  // namespace scs
