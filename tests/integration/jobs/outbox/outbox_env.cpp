#include "outbox_env.hpp"

#include <sstream>
#include <thread>

#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace scs::testing {
namespace {

constexpr std::string_view kReadOutboxSql =
    "SELECT id, queue, group_id, dedup_id, body, created_at, attempts, last_error, claimed_by, "
    "claimed_until, sent_at FROM outbox ORDER BY id";

// The DSN with the schema first on the search path (URI or keyword form).
std::string WithSearchPath(const std::string& dsn, const std::string& schema) {
    if (dsn.starts_with("postgresql://") || dsn.starts_with("postgres://")) {
        const char separator = dsn.find('?') == std::string::npos ? '?' : '&';
        return dsn + separator + "options=-csearch_path%3D" + schema;
    }
    return dsn + " options='-csearch_path=" + schema + "'";
}

Status ExecScript(SqlExecutor& executor, const std::string& sql) {
    return executor.Transact(TxMode::kWrite,
                             [&](SqlSession& session) { return session.ExecScript(sql); });
}

std::optional<std::string> OptionalText(const SqlRow& row, size_t column) {
    return row.IsNull(column) ? std::nullopt : std::optional<std::string>(row.Text(column));
}

OutboxRow ToOutboxRow(const SqlRow& row) {
    OutboxRow out;
    out.id = row.Int(0).value_or(-1);
    out.queue = row.Text(1);
    out.group_id = row.Text(2);
    out.dedup_id = row.Text(3);
    out.body = row.Text(4);
    out.created_at = row.Int(5).value_or(-1);
    out.attempts = row.Int(6).value_or(-1);
    out.last_error = OptionalText(row, 7);
    out.claimed_by = OptionalText(row, 8);
    out.claimed_until = row.Int(9);
    out.sent_at = row.Int(10);
    return out;
}

}  // namespace

std::string OutboxDialectName(const ::testing::TestParamInfo<OutboxDialect>& info) {
    return info.param == OutboxDialect::kSqlite ? "sqlite" : "postgres";
}

std::unique_ptr<OutboxTestEnv> OutboxTestEnv::Create(OutboxDialect dialect) {
    std::unique_ptr<OutboxTestEnv> env(new OutboxTestEnv(dialect));
    if (dialect == OutboxDialect::kPostgres) {
        // Checked first so a skipped test creates nothing.
        const auto dsn = RequireServer("TEST_PG_DSN");
        if (!dsn) {
            return nullptr;
        }
        env->base_dsn_ = *dsn;
    }
    env->queues_ = TestQueues::Create(QueueBackend::kSqlite);
    if (!env->queues_) {
        return nullptr;
    }
    if (dialect == OutboxDialect::kSqlite) {
        env->location_ = (env->queues_->Directory() / "scs.db").string();
        return env;
    }
    if (auto created = env->CreatePostgresSchema(env->base_dsn_); !created) {
        ADD_FAILURE() << created.error().message;
        return nullptr;
    }
    return env;
}

Status OutboxTestEnv::CreatePostgresSchema(const std::string& dsn) {
    auto admin = OpenPostgresDatabase(dsn, {});
    if (!admin) {
        return tl::unexpected(admin.error());
    }
    const std::string schema = UniqueName("scs_outbox_");
    if (auto created = ExecScript((*admin)->Executor(), "CREATE SCHEMA " + schema); !created) {
        return created;
    }
    schema_ = schema;
    location_ = WithSearchPath(dsn, schema);
    auto database = OpenPostgresDatabase(location_, {});
    if (!database) {
        return tl::unexpected(database.error());
    }
    if (auto migrated = (*database)->Migrations().Up(); !migrated) {
        return migrated;
    }
    postgres_ = std::move(*database);
    return {};
}

OutboxTestEnv::~OutboxTestEnv() {
    postgres_.reset();
    if (schema_.empty()) {
        return;
    }
    auto admin = OpenPostgresDatabase(base_dsn_, {});
    if (!admin) {
        ADD_FAILURE() << admin.error().message;
        return;
    }
    EXPECT_TRUE(ExecScript((*admin)->Executor(), "DROP SCHEMA " + schema_ + " CASCADE"));
}

Database& OutboxTestEnv::Db() {
    return postgres_ ? *postgres_ : *queues_->SqliteDatabase();
}

Result<std::unique_ptr<Database>> OutboxTestEnv::OpenDatabase(const StorageConfig& config) const {
    if (dialect_ == OutboxDialect::kSqlite) {
        return OpenSqliteDatabase(location_, config);
    }
    return OpenPostgresDatabase(location_, config);
}

void RecordingQueue::FailNext(int count, ErrorCode code) {
    const std::lock_guard lock(mutex_);
    fail_next_ = count;
    fail_code_ = code;
}

void RecordingQueue::BeforeSend(std::function<void()> hook) {
    const std::lock_guard lock(mutex_);
    before_send_ = std::move(hook);
}

std::vector<OutgoingMessage> RecordingQueue::Sent() const {
    const std::lock_guard lock(mutex_);
    return sent_;
}

int RecordingQueue::Calls() const {
    const std::lock_guard lock(mutex_);
    return calls_;
}

Result<SendResult> RecordingQueue::Send(const OutgoingMessage& message) {
    std::function<void()> hook;
    {
        const std::lock_guard lock(mutex_);
        ++calls_;
        if (fail_next_ > 0) {
            --fail_next_;
            return Fail(fail_code_, "injected send failure");
        }
        hook = before_send_;
    }
    if (hook) {
        hook();
    }
    auto sent = inner_.Send(message);
    if (sent) {
        const std::lock_guard lock(mutex_);
        sent_.push_back(message);
    }
    return sent;
}

std::vector<OutboxRow> ReadOutbox(SqlExecutor& executor) {
    auto rows = TransactValue<SqlRows>(
        executor, TxMode::kRead, [](SqlSession& session) { return session.Exec(kReadOutboxSql); });
    if (!rows) {
        ADD_FAILURE() << rows.error().message;
        return {};
    }
    std::vector<OutboxRow> out;
    for (const SqlRow& row : *rows) {
        out.push_back(ToOutboxRow(row));
    }
    return out;
}

Status AppendAll(SqlExecutor& executor, const std::vector<OutboxMessage>& messages, TimePoint now) {
    return executor.Transact(TxMode::kWrite, [&](SqlSession& session) -> Status {
        for (const OutboxMessage& message : messages) {
            if (auto appended = AppendToOutbox(session, message, now); !appended) {
                return appended;
            }
        }
        return {};
    });
}

std::vector<OutboxMessage> NumberedMessages(const std::string& queue, int count, int groups) {
    std::vector<OutboxMessage> messages;
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        messages.push_back(
            OutboxMessage{queue, "g" + std::to_string(i % groups), "d" + n, "m" + n});
    }
    return messages;
}

std::optional<double> MetricValue(const Metrics& metrics, const std::string& series) {
    std::istringstream text(metrics.Serialize());
    std::string line;
    while (std::getline(text, line)) {
        if (line.starts_with(series + " ")) {
            return std::stod(line.substr(series.size() + 1));
        }
    }
    return std::nullopt;
}

bool WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

void OutboxTest::SetUp() {
    env_ = OutboxTestEnv::Create(GetParam());
    if (!env_) {
        GTEST_SKIP();
    }
    queue_ = env_->Queues().Open(TestQueues::UniqueQueueName(false));
    oms_ = std::make_unique<RecordingQueue>(*queue_);
}

OutboxRelayOptions RelayOptions(const std::string& owner) {
    OutboxRelayOptions options;
    options.owner = owner;
    options.batch_size = 100;
    options.claim_ttl = std::chrono::seconds(30);
    options.retry_backoff = std::chrono::seconds(1);
    options.max_retry_backoff = std::chrono::seconds(60);
    return options;
}

std::unique_ptr<OutboxRelay> OutboxTest::MakeRelay(const OutboxRelayOptions& options) {
    std::map<std::string, Queue*, std::less<>> queues{{"oms-orders", oms_.get()}};
    return std::make_unique<OutboxRelay>(
        env_->Executor(), std::move(queues), env_->Clock(), metrics_, options);
}

void OutboxTest::Append(const std::vector<OutboxMessage>& messages) {
    auto appended = AppendAll(env_->Executor(), messages, env_->Clock().Now());
    ASSERT_TRUE(appended) << appended.error().message;
}

}  // namespace scs::testing
