#include "storage/sql_migrator.hpp"

#include <algorithm>
#include <utility>

namespace scs {
namespace {

constexpr std::string_view kSavepoint = "SAVEPOINT scs_migration";
constexpr std::string_view kRollbackToSavepoint = "ROLLBACK TO SAVEPOINT scs_migration";
constexpr std::string_view kReleaseSavepoint = "RELEASE SAVEPOINT scs_migration";

Result<SchemaVersion> ReadVersion(SqlSession& session) {
    auto rows = session.Exec("SELECT version, dirty FROM schema_migrations");
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    if (rows->empty()) {
        return SchemaVersion{};
    }
    const auto version = rows->front().Int(0);
    if (!version) {
        return Fail(ErrorCode::kInternal, "schema_migrations.version is not an integer");
    }
    return SchemaVersion{static_cast<int>(*version), rows->front().Bool(1)};
}

Status WriteVersion(SqlSession& session, int version, bool dirty) {
    if (auto cleared = session.Exec("DELETE FROM schema_migrations"); !cleared) {
        return tl::unexpected(std::move(cleared.error()));
    }
    auto written = session.Exec("INSERT INTO schema_migrations (version, dirty) VALUES ($1, $2)",
                                {int64_t{version}, int64_t{dirty ? 1 : 0}});
    if (!written) {
        return tl::unexpected(std::move(written.error()));
    }
    return {};
}

tl::unexpected<Error> DirtyError(const SchemaVersion& current) {
    return Fail(ErrorCode::kConflict,
                "database schema is dirty at version " + std::to_string(current.version) +
                    ": a migration failed half way. Fix the schema by hand, then run `scs migrate "
                    "force V` with V the last version that is fully applied");
}

}  // namespace

SqlMigrator::SqlMigrator(SqlExecutor& executor, std::vector<Migration> migrations)
    : executor_(executor), migrations_(std::move(migrations)), sql_(SqlFor(executor.Dialect())) {}

SqlMigrator::DialectSql SqlMigrator::SqlFor(std::string_view dialect) {
    if (dialect == "postgres") {
        // The advisory lock makes a second process's migrator wait (up to the lock timeout)
        // instead of racing; keyed by schema so separate schemas migrate independently.
        return {"SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE 1 END",
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version BIGINT NOT NULL, dirty BOOLEAN NOT NULL)",
                {"SELECT pg_advisory_xact_lock(hashtext('scs_migrations:' || "
                 "coalesce(current_schema(), '')))",
                 "SET LOCAL statement_timeout = 0"}};
    }
    // BEGIN IMMEDIATE already holds SQLite's single write lock for the whole step.
    return {
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER NOT NULL, dirty INTEGER NOT NULL)",
        {}};
}

Result<SchemaVersion> SqlMigrator::Current() {
    return TransactValue<SchemaVersion>(
        executor_, TxMode::kRead, [this](SqlSession& session) -> Result<SchemaVersion> {
            auto exists = session.Exec(sql_.exists);
            if (!exists) {
                return tl::unexpected(std::move(exists.error()));
            }
            if (exists->empty() || exists->front().Int(0).value_or(0) == 0) {
                return SchemaVersion{};
            }
            return ReadVersion(session);
        });
}

int SqlMigrator::Latest() const {
    return migrations_.empty() ? 0 : migrations_.back().version;
}

Status SqlMigrator::Up() {
    std::lock_guard lock(mutex_);
    for (;;) {
        auto ran = StepUp();
        if (!ran) {
            return tl::unexpected(std::move(ran.error()));
        }
        if (!*ran) {
            return {};
        }
    }
}

Status SqlMigrator::Down(int steps) {
    if (steps < 1) {
        return Fail(ErrorCode::kBadRequest, "migrate down needs a number of steps >= 1");
    }
    std::lock_guard lock(mutex_);
    auto current = Current();
    if (!current) {
        return tl::unexpected(std::move(current.error()));
    }
    if (current->dirty) {
        return DirtyError(*current);
    }
    const auto applied = current->version == 0 ? Result<size_t>(0) : IndexOf(current->version);
    if (!applied) {
        return tl::unexpected(applied.error());
    }
    const size_t count = current->version == 0 ? 0 : *applied + 1;
    if (static_cast<size_t>(steps) > count) {
        return Fail(ErrorCode::kBadRequest,
                    "cannot revert " + std::to_string(steps) + " migrations: only " +
                        std::to_string(count) + " are applied");
    }
    for (int i = 0; i < steps; ++i) {
        if (auto status = StepDown(); !status) {
            return status;
        }
    }
    return {};
}

Status SqlMigrator::Force(int version) {
    if (version < 0 || (version != 0 && !IndexOf(version))) {
        return Fail(ErrorCode::kBadRequest,
                    "cannot force version " + std::to_string(version) +
                        ": not 0 and not an embedded migration (latest is " +
                        std::to_string(Latest()) + ")");
    }
    std::lock_guard lock(mutex_);
    bool ran = false;
    return Migrate(
        [version](SqlSession& session) -> Result<Step> {
            if (auto status = WriteVersion(session, version, false); !status) {
                return tl::unexpected(std::move(status.error()));
            }
            return Step{true, {}};
        },
        ran);
}

Result<bool> SqlMigrator::StepUp() {
    bool ran = false;
    auto status = Migrate(
        [this](SqlSession& session) -> Result<Step> {
            auto current = ReadVersion(session);
            if (!current) {
                return tl::unexpected(std::move(current.error()));
            }
            if (current->dirty) {
                return DirtyError(*current);
            }
            const auto index =
                current->version == 0 ? Result<size_t>(0) : IndexOf(current->version);
            if (!index) {
                return tl::unexpected(index.error());
            }
            const size_t next = current->version == 0 ? 0 : *index + 1;
            if (next == migrations_.size()) {
                return Step{};
            }
            const Migration& migration = migrations_[next];
            const std::string version = std::to_string(migration.version);
            return Run(session,
                       migration.version,
                       migration.up,
                       "migration " + version + " (" + migration.name +
                           ") failed, and the schema is marked dirty at version " + version +
                           ". Fix the cause, run `scs migrate force " +
                           std::to_string(current->version) + "`, then `scs migrate up` again");
        },
        ran);
    if (!status) {
        return tl::unexpected(std::move(status.error()));
    }
    return ran;
}

Status SqlMigrator::StepDown() {
    bool ran = false;
    return Migrate(
        [this](SqlSession& session) -> Result<Step> {
            auto current = ReadVersion(session);
            if (!current) {
                return tl::unexpected(std::move(current.error()));
            }
            if (current->dirty) {
                return DirtyError(*current);
            }
            if (current->version == 0) {
                return Fail(ErrorCode::kBadRequest, "no migration to revert: the schema is at 0");
            }
            const auto index = IndexOf(current->version);
            if (!index) {
                return tl::unexpected(index.error());
            }
            const Migration& migration = migrations_[*index];
            const int target = *index == 0 ? 0 : migrations_[*index - 1].version;
            const std::string version = std::to_string(migration.version);
            return Run(session,
                       target,
                       migration.down,
                       "reverting migration " + version + " (" + migration.name +
                           ") failed, and the schema is marked dirty at version " +
                           std::to_string(target) + ". Fix the cause, run `scs migrate force " +
                           version + "`, then `scs migrate down` again");
        },
        ran);
}

// Runs `step` in one write transaction. A failure the step reports in Step::failure comes back
// after the commit, so its dirty mark persists; a failure it returns rolls everything back.
Status SqlMigrator::Migrate(const std::function<Result<Step>(SqlSession&)>& step, bool& ran) {
    Step outcome;
    auto status = executor_.Transact(TxMode::kWrite, [&](SqlSession& session) -> Status {
        if (auto prepared = Prepare(session); !prepared) {
            return prepared;
        }
        auto result = step(session);
        if (!result) {
            return tl::unexpected(std::move(result.error()));
        }
        outcome = std::move(*result);
        return {};
    });
    if (!status) {
        return status;
    }
    ran = outcome.ran;
    return outcome.failure;
}

Status SqlMigrator::Prepare(SqlSession& session) {
    for (const std::string& statement : sql_.prepare) {
        if (auto done = session.Exec(statement); !done) {
            return tl::unexpected(std::move(done.error()));
        }
    }
    return session.ExecScript(sql_.create);
}

// Marks `mark` dirty, runs the script in a savepoint, and records `mark` clean on success. On
// failure only the script is rolled back: the dirty mark stays for the commit.
Result<SqlMigrator::Step> SqlMigrator::Run(SqlSession& session,
                                           int mark,
                                           const std::string& sql,
                                           std::string failure) {
    if (auto marked = WriteVersion(session, mark, true); !marked) {
        return tl::unexpected(std::move(marked.error()));
    }
    if (auto saved = session.Exec(kSavepoint); !saved) {
        return tl::unexpected(std::move(saved.error()));
    }
    auto applied = session.ExecScript(sql);
    const std::string_view end = applied ? kReleaseSavepoint : kRollbackToSavepoint;
    if (auto ended = session.Exec(end); !ended) {
        return tl::unexpected(std::move(ended.error()));
    }
    if (!applied) {
        Error error = std::move(applied.error());
        error.message = std::move(failure) + ": " + error.message;
        return Step{true, tl::unexpected(std::move(error))};
    }
    if (auto cleaned = WriteVersion(session, mark, false); !cleaned) {
        return tl::unexpected(std::move(cleaned.error()));
    }
    return Step{true, {}};
}

Result<size_t> SqlMigrator::IndexOf(int version) const {
    const auto found = std::find_if(migrations_.begin(),
                                    migrations_.end(),
                                    [version](const Migration& m) { return m.version == version; });
    if (found == migrations_.end()) {
        return Fail(ErrorCode::kConflict,
                    "database schema is at version " + std::to_string(version) +
                        ", which this binary does not know (its latest is " +
                        std::to_string(Latest()) + "): run the scs that migrated it");
    }
    return static_cast<size_t>(found - migrations_.begin());
}

}  // namespace scs
