#include "storage_backend.hpp"

#include <iomanip>
#include <sstream>

#include "storage/connection_codec.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/postgres/postgres_executor.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_executor.hpp"

namespace scs::testing {
namespace {

bool IsUri(const std::string& dsn) {
    return dsn.starts_with("postgresql://") || dsn.starts_with("postgres://");
}

std::string UriEncode(const std::string& text) {
    std::ostringstream out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.') {
            out << c;
        } else {
            out << '%' << std::uppercase << std::hex << std::setw(2) << std::setfill('0')
                << static_cast<int>(c);
        }
    }
    return out.str();
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
    return info.param == Backend::kSqlite ? "sqlite" : "postgres";
}

std::string WithDsnOption(const std::string& dsn,
                          const std::string& key,
                          const std::string& value) {
    if (IsUri(dsn)) {
        const char separator = dsn.find('?') == std::string::npos ? '?' : '&';
        return dsn + separator + key + "=" + UriEncode(value);
    }
    return dsn + " " + key + "='" + value + "'";
}

std::unique_ptr<TestDatabase> TestDatabase::Create(Backend backend) {
    std::unique_ptr<TestDatabase> test(new TestDatabase(backend));
    if (backend == Backend::kSqlite) {
        test->dir_.emplace();
        test->location_ = (test->dir_->Path() / "db" / "scs.db").string();
        return test;
    }
    const auto dsn = RequireServer("TEST_PG_DSN");
    if (!dsn) {
        return nullptr;
    }
    test->base_dsn_ = *dsn;
    auto admin = OpenPostgresExecutor(*dsn, {});
    if (!admin) {
        ADD_FAILURE() << admin.error().message;
        return nullptr;
    }
    const std::string schema = UniqueName("scs_test_");
    if (auto created = ExecSql(**admin, "CREATE SCHEMA " + schema); !created) {
        ADD_FAILURE() << created.error().message;
        return nullptr;
    }
    test->schema_ = schema;
    test->location_ = WithDsnOption(*dsn, "options", "-csearch_path=" + schema);
    return test;
}

TestDatabase::~TestDatabase() {
    if (schema_.empty()) {
        return;
    }
    auto admin = OpenPostgresExecutor(base_dsn_, {});
    if (!admin) {
        ADD_FAILURE() << admin.error().message;
        return;
    }
    EXPECT_TRUE(ExecSql(**admin, "DROP SCHEMA " + schema_ + " CASCADE"));
}

Result<std::unique_ptr<Database>> TestDatabase::Open(const StorageConfig& config) const {
    if (backend_ == Backend::kSqlite) {
        return OpenSqliteDatabase(location_, config);
    }
    return OpenPostgresDatabase(location_, config);
}

Result<std::unique_ptr<SqlExecutor>> TestDatabase::OpenExecutor(const StorageConfig& config) const {
    if (backend_ == Backend::kSqlite) {
        return OpenSqliteExecutor(location_, config);
    }
    return OpenPostgresExecutor(location_, config);
}

std::unique_ptr<Database> TestDatabase::OpenMigrated(const StorageConfig& config) const {
    auto database = Open(config);
    if (!database) {
        ADD_FAILURE() << database.error().message;
        return nullptr;
    }
    if (auto status = (*database)->Migrations().Up(); !status) {
        ADD_FAILURE() << status.error().message;
        return nullptr;
    }
    return std::move(*database);
}

Status ExecSql(SqlExecutor& executor, const std::string& sql) {
    return executor.Transact(TxMode::kWrite,
                             [&](SqlSession& session) { return session.ExecScript(sql); });
}

bool TableExists(SqlExecutor& executor, const std::string& table) {
    return executor
        .Transact(TxMode::kRead,
                  [&](SqlSession& session) -> Status {
                      auto rows = session.Exec("SELECT count(*) FROM " + table);
                      if (!rows) {
                          return tl::unexpected(rows.error());
                      }
                      return {};
                  })
        .has_value();
}

Connection MakeConnection(const std::string& seller,
                          const std::string& platform,
                          const std::string& store) {
    Connection connection;
    connection.seller_id = seller;
    connection.platform = platform;
    connection.name = store + " on " + platform;
    connection.store_id = store;
    connection.created_at = FromUnixMillis(1'700'000'000'000);
    connection.updated_at = connection.created_at;
    return connection;
}

std::string Describe(const Connection& c) {
    std::ostringstream out;
    out << "id=" << c.id << " seller=" << c.seller_id << " platform=" << c.platform
        << " name=" << c.name << " store=" << c.store_id
        << " marketplaces=" << EncodeStringList(c.marketplaces)
        << " status=" << ConnectionStatusName(c.status)
        << " settings=" << EncodeSettings(c.settings)
        << " fields=" << EncodeStringList(c.credential_fields) << " key=" << c.credentials.key_id
        << " secret=" << c.credentials.ciphertext << " created=" << ToUnixMillis(c.created_at)
        << " updated=" << ToUnixMillis(c.updated_at);
    return out.str();
}

void ExpectSameConnection(const Connection& actual, const Connection& expected) {
    EXPECT_EQ(Describe(actual), Describe(expected));
}

::testing::AssertionResult Succeeded(const Status& status) {
    if (status) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << ErrorCodeName(status.error().code) << ": " << status.error().message;
}

::testing::AssertionResult FailedWith(const Status& status,
                                      ErrorCode code,
                                      std::string_view fragment) {
    if (status) {
        return ::testing::AssertionFailure() << "succeeded";
    }
    const Error& error = status.error();
    if (error.code != code || error.message.find(fragment) == std::string::npos) {
        return ::testing::AssertionFailure()
               << ErrorCodeName(error.code) << ": " << error.message << " (wanted "
               << ErrorCodeName(code) << " with \"" << fragment << "\")";
    }
    return ::testing::AssertionSuccess();
}

Result<int64_t> QueryInt(SqlExecutor& executor, const std::string& sql) {
    return TransactValue<int64_t>(
        executor, TxMode::kRead, [&](SqlSession& session) -> Result<int64_t> {
            auto rows = session.Exec(sql);
            if (!rows) {
                return tl::unexpected(rows.error());
            }
            return rows->empty() ? -1 : rows->front().Int(0).value_or(-1);
        });
}

}  // namespace scs::testing
