#include "api/sync_json.hpp"

#include <boost/json/array.hpp>

namespace scs {
namespace {

boost::json::value OptionalTime(const std::optional<TimePoint>& time) {
    return time ? boost::json::value(FormatRfc3339(*time)) : boost::json::value(nullptr);
}

boost::json::object CountsJson(const SyncRunCounts& counts) {
    return boost::json::object{{"pages", counts.pages},
                               {"seen", counts.seen},
                               {"created", counts.created},
                               {"updated", counts.updated},
                               {"unchanged", counts.unchanged},
                               {"failed", counts.failed},
                               {"recovered", counts.recovered}};
}

boost::json::array FailuresJson(const std::vector<SyncRunFailure>& failures) {
    boost::json::array out;
    for (const SyncRunFailure& failure : failures) {
        out.push_back(
            boost::json::object{{"external_id", failure.external_id}, {"error", failure.error}});
    }
    return out;
}

}  // namespace

boost::json::object SyncStatusJson(const SyncStatusView& status) {
    return boost::json::object{
        {"is_valid", status.is_valid},
        {"last_sync", OptionalTime(status.last_sync)},
        {"retry_after",
         status.retry_after ? boost::json::value(status.retry_after->count())
                            : boost::json::value(nullptr)},
        {"enable_button", status.enable_button},
        {"current_status", status.current_status},
    };
}

boost::json::object SyncRunJson(const SyncRun& run) {
    return boost::json::object{
        {"id", run.id},
        {"seller_id", run.seller_id},
        {"ssc_id", run.connection_id},
        {"entity", run.entity},
        {"trigger", run.trigger},
        {"status", SyncRunStatusName(run.status)},
        {"from", OptionalTime(run.from)},
        {"cursor", run.cursor},
        {"high_watermark", OptionalTime(run.high_watermark)},
        {"counts", CountsJson(run.counts)},
        {"failures", FailuresJson(run.failures)},
        {"error", run.error},
        {"attempts", run.attempts},
        {"created_at", FormatRfc3339(run.created_at)},
        {"started_at", OptionalTime(run.started_at)},
        {"finished_at", OptionalTime(run.finished_at)},
    };
}

}  // namespace scs
