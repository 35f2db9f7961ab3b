#include "jobs/probe/probe_jobs.hpp"

#include <thread>

#include <boost/json.hpp>

namespace scs {
namespace {

constexpr std::chrono::milliseconds kMaxHold = std::chrono::minutes(10);
constexpr std::chrono::milliseconds kHoldSlice{50};

constexpr std::string_view kRecordSql =
    "INSERT INTO job_probes (run_id, queue, group_id, seq, worker, receive_count, processed_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (run_id, queue, group_id, seq) "
    "DO UPDATE SET deliveries = job_probes.deliveries + 1";

constexpr std::string_view kListSql =
    "SELECT id, run_id, queue, group_id, seq, worker, receive_count, deliveries, processed_at "
    "FROM job_probes WHERE run_id = $1 ORDER BY id";

Result<int64_t> IntField(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    if (value == nullptr || !value->is_int64() || value->as_int64() < 0) {
        return Fail(ErrorCode::kInvalidPayload,
                    "probe payload: " + std::string(name) + " must be a whole number >= 0");
    }
    return value->as_int64();
}

ProbeRecord RecordFromRow(const SqlRow& row) {
    ProbeRecord record;
    record.order = row.Int(0).value_or(0);
    record.run_id = row.Text(1);
    record.queue = row.Text(2);
    record.group_id = row.Text(3);
    record.seq = row.Int(4).value_or(0);
    record.worker = row.Text(5);
    record.receive_count = static_cast<int>(row.Int(6).value_or(0));
    record.deliveries = static_cast<int>(row.Int(7).value_or(0));
    record.processed_at = FromUnixMillis(row.Int(8).value_or(0));
    return record;
}

}  // namespace

std::string EncodeProbePayload(const ProbeJob& probe) {
    return boost::json::serialize(boost::json::object{
        {"run_id", probe.run_id}, {"seq", probe.seq}, {"hold_ms", probe.hold.count()}});
}

Result<ProbeJob> ParseProbePayload(std::string_view payload_json) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(payload_json, ec);
    if (ec || !parsed.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "probe payload: not a JSON object");
    }
    const auto& object = parsed.as_object();
    const auto* run = object.if_contains("run_id");
    if (run == nullptr || !run->is_string() || run->as_string().empty()) {
        return Fail(ErrorCode::kInvalidPayload, "probe payload: run_id must be a non-empty string");
    }
    auto seq = IntField(object, "seq");
    if (!seq) {
        return tl::unexpected(seq.error());
    }
    ProbeJob probe{std::string(run->as_string()), *seq, {}};
    if (object.contains("hold_ms")) {
        auto hold = IntField(object, "hold_ms");
        if (!hold) {
            return tl::unexpected(hold.error());
        }
        probe.hold = std::min(std::chrono::milliseconds(*hold), kMaxHold);
    }
    return probe;
}

Status ProbeStore::Record(const ProbeJob& probe,
                          std::string_view queue,
                          const ReceivedMessage& message,
                          std::string_view worker) {
    const SqlParams params{probe.run_id,
                           std::string(queue),
                           message.group_id,
                           probe.seq,
                           std::string(worker),
                           int64_t{message.receive_count},
                           ToUnixMillis(clock_.Now())};
    return executor_.Transact(TxMode::kWrite, [&](SqlSession& session) -> Status {
        auto rows = session.Exec(kRecordSql, params);
        if (!rows) {
            return tl::unexpected(rows.error());
        }
        return {};
    });
}

Result<std::vector<ProbeRecord>> ProbeStore::List(std::string_view run_id) {
    return TransactValue<std::vector<ProbeRecord>>(
        executor_, TxMode::kRead, [&](SqlSession& session) -> Result<std::vector<ProbeRecord>> {
            auto rows = session.Exec(kListSql, SqlParams{std::string(run_id)});
            if (!rows) {
                return tl::unexpected(rows.error());
            }
            std::vector<ProbeRecord> records;
            records.reserve(rows->size());
            for (const auto& row : *rows) {
                records.push_back(RecordFromRow(row));
            }
            return records;
        });
}

JobHandler MakeProbeHandler(ProbeStore& store, std::string worker) {
    return [&store, worker = std::move(worker)](const Job& job, JobContext& context) -> Status {
        auto probe = ParseProbePayload(job.payload_json);
        if (!probe) {
            return tl::unexpected(probe.error());
        }
        const auto until = std::chrono::steady_clock::now() + probe->hold;
        while (std::chrono::steady_clock::now() < until) {
            if (context.StopRequested()) {
                return Fail(ErrorCode::kUnavailable, "probe: the worker is stopping");
            }
            std::this_thread::sleep_for(kHoldSlice);
        }
        return store.Record(*probe, context.Queue(), context.Message(), worker);
    };
}

}  // namespace scs
