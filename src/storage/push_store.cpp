#include "storage/push_store.hpp"

#include "storage/push_codec.hpp"
#include "storage/push_inventory.hpp"
#include "storage/store_rows.hpp"

namespace scs {
namespace {

// A concurrent insert with the same key makes this wait for the other transaction, then do
// nothing (no unique violation, which would abort a PostgreSQL transaction): the loser reads
// the winner's record.
constexpr std::string_view kInsert =
    "INSERT INTO pushes (connection_id, seller_id, kind, state, idempotency_key, "
    "order_external_id, request_json, created_at, updated_at) "
    "VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $7) "
    "ON CONFLICT (connection_id, kind, idempotency_key) DO NOTHING RETURNING id";

constexpr std::string_view kStart =
    "UPDATE pushes SET state = 'running', attempts = attempts + 1, updated_at = $2 "
    "WHERE id = $1 RETURNING id";

constexpr std::string_view kNote =
    "UPDATE pushes SET result_json = $2, error = $3, updated_at = $4 WHERE id = $1 RETURNING id";

constexpr std::string_view kFinish =
    "UPDATE pushes SET state = $2, result_json = $3, error_code = $4, error = $5, "
    "updated_at = $6, finished_at = $6 WHERE id = $1 RETURNING id";

std::string PushNotFound(int64_t push_id) {
    return "push " + std::to_string(push_id);
}

Status CheckNewPush(const PushRecord& record) {
    if (record.connection_id <= 0 || record.seller_id.empty()) {
        return Fail(ErrorCode::kBadRequest, "a push to store needs its connection and seller");
    }
    const bool inventory = record.kind == PushKind::kInventory;
    if (inventory == record.items.empty()) {
        return FailField(
            "items",
            inventory ? "an inventory push needs items" : "only an inventory push has items");
    }
    return {};
}

Result<PushRecord> ReadOne(SqlSession& session, const std::string& where, const SqlParams& params) {
    auto pushes = ReadPushes(session, where, params);
    if (!pushes) {
        return tl::unexpected(std::move(pushes.error()));
    }
    if (pushes->empty()) {
        return Fail(ErrorCode::kNotFound, "push not found");
    }
    return std::move(pushes->front());
}

Result<std::optional<int64_t>> TryInsert(SqlSession& tx, const PushRecord& record, TimePoint now) {
    auto rows = tx.Exec(kInsert,
                        {record.connection_id,
                         record.seller_id,
                         std::string(PushKindName(record.kind)),
                         OptionalText(record.idempotency_key),
                         record.order_external_id,
                         record.request_json,
                         ToUnixMillis(now)});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    if (rows->empty()) {
        return std::optional<int64_t>();
    }
    auto id = InsertedId(rows, "pushes");
    if (!id) {
        return tl::unexpected(std::move(id.error()));
    }
    return std::optional<int64_t>(*id);
}

Result<CreatedPush> ExistingPush(SqlSession& tx, const PushRecord& record) {
    auto existing = ReadOne(
        tx,
        "WHERE connection_id = $1 AND kind = $2 AND idempotency_key = $3",
        {record.connection_id, std::string(PushKindName(record.kind)), record.idempotency_key});
    if (!existing) {
        return tl::unexpected(std::move(existing.error()));
    }
    return CreatedPush{std::move(*existing), false};
}

Status Update(SqlExecutor& executor, std::string_view sql, const SqlParams& params) {
    const int64_t push_id = std::get<int64_t>(params.front());
    return executor.Transact(TxMode::kWrite, [&](SqlSession& session) {
        return ExpectOneRow(session.Exec(sql, params), PushNotFound(push_id));
    });
}

// The filters of a listing, numbered from $2 ($1 is the connection).
std::string ListWhere(const PushQuery& query, SqlParams& params) {
    std::string where = "WHERE connection_id = $1";
    params.emplace_back(query.connection_id);
    const auto add = [&](std::string_view condition, SqlValue value) {
        params.push_back(std::move(value));
        where += " AND " + std::string(condition) + " $" + std::to_string(params.size());
    };
    if (query.kind) {
        add("kind =", std::string(PushKindName(*query.kind)));
    }
    if (query.state) {
        add("state =", std::string(PushStateName(*query.state)));
    }
    if (query.before_id) {
        add("id <", *query.before_id);
    }
    params.emplace_back(int64_t{query.limit});
    return where + " ORDER BY id DESC LIMIT $" + std::to_string(params.size());
}

}  // namespace

// The header takes the record by value (the caller's to give away); it is only read here.
// NOLINTNEXTLINE(performance-unnecessary-value-param)
Result<CreatedPush> CreatePush(SqlSession& tx, PushRecord record, TimePoint now) {
    if (auto checked = CheckNewPush(record); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    auto id = TryInsert(tx, record, now);
    if (!id) {
        return tl::unexpected(std::move(id.error()));
    }
    if (!*id) {
        return ExistingPush(tx, record);
    }
    if (record.kind == PushKind::kInventory) {
        auto queued = QueueInventoryItems(tx, record.connection_id, **id, record.items, now);
        if (!queued) {
            return tl::unexpected(std::move(queued.error()));
        }
    }
    auto created = ReadOne(tx, "WHERE id = $1", {**id});
    if (!created) {
        return tl::unexpected(std::move(created.error()));
    }
    return CreatedPush{std::move(*created), true};
}

Result<PushRecord> GetPush(SqlExecutor& executor, int64_t connection_id, int64_t push_id) {
    auto push = TransactValue<PushRecord>(executor, TxMode::kRead, [&](SqlSession& session) {
        return ReadOne(session, "WHERE id = $1 AND connection_id = $2", {push_id, connection_id});
    });
    if (!push && push.error().code == ErrorCode::kNotFound) {
        return Fail(ErrorCode::kNotFound, PushNotFound(push_id) + " not found");
    }
    return push;
}

Result<std::vector<PushRecord>> ListPushes(SqlExecutor& executor, const PushQuery& query) {
    if (auto checked = CheckListLimit(query.limit); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    SqlParams params;
    const std::string where = ListWhere(query, params);
    return TransactValue<std::vector<PushRecord>>(
        executor, TxMode::kRead, [&](SqlSession& session) {
            return ReadPushes(session, where, params);
        });
}

Status StartPush(SqlExecutor& executor, int64_t push_id, TimePoint now) {
    return Update(executor, kStart, {push_id, ToUnixMillis(now)});
}

Status NotePush(SqlExecutor& executor,
                int64_t push_id,
                std::string_view result_json,
                std::string_view error,
                TimePoint now) {
    return Update(executor,
                  kNote,
                  {push_id, std::string(result_json), std::string(error), ToUnixMillis(now)});
}

Status FinishPush(SqlExecutor& executor, int64_t push_id, const PushFinish& finish, TimePoint now) {
    if (finish.state != PushState::kDone && finish.state != PushState::kFailed &&
        finish.state != PushState::kSkipped) {
        return FailField("state", "a push finishes done, failed or skipped");
    }
    return Update(executor,
                  kFinish,
                  {push_id,
                   std::string(PushStateName(finish.state)),
                   finish.result_json,
                   finish.error_code,
                   finish.error,
                   ToUnixMillis(now)});
}

}  // namespace scs
