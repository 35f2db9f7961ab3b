#include "push/status_push_job.hpp"

#include <variant>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "push/order_push_support.hpp"
#include "push/push_request_json.hpp"

namespace scs {
namespace {

constexpr std::string_view kOrderStateConflict = "ORDER_STATE_CONFLICT";

OrderStatusRequest PlatformRequest(StatusPushRequest request, std::string pending_job) {
    OrderStatusRequest platform;
    platform.order_external_id = std::move(request.order_external_id);
    platform.change =
        request.status == "closed" ? OrderStatusChange::kClose : OrderStatusChange::kCancel;
    platform.reason = std::move(request.reason);
    platform.restock = request.restock;
    platform.refund = request.refund;
    platform.notify_customer = request.notify_customer;
    platform.pending_job_id = std::move(pending_job);
    return platform;
}

}  // namespace

JobHandler StatusPushJob::Handler() {
    return [this](const Job& job, JobContext& context) {
        return Run(job, context);
    };
}

Status StatusPushJob::Run(const Job& job, JobContext& context) {
    return RunOrderPush(deps_,
                        kPushStatusJobType,
                        job,
                        [this, &context](PushTarget& target, const PushRecord& record) {
                            return Change(target, record, context);
                        });
}

Status StatusPushJob::Change(PushTarget& target, const PushRecord& record, JobContext& context) {
    auto request = ParseStatusPushJson(record.request_json);
    if (!request) {
        return FinishFailed(
            deps_, record, ErrorCodeName(request.error().code), request.error().message);
    }
    if (auto started = StartPush(deps_.executor, record.id, deps_.clock.Now()); !started) {
        return started;
    }
    std::string pending_job = JsonStringField(record.result_json, "pending_job");
    auto changed = target.connector->ChangeOrderStatus(
        target.session, PlatformRequest(std::move(*request), pending_job));
    if (!changed) {
        return OnOrderPushError(
            deps_, record, record.result_json, changed.error(), kOrderStateConflict, context);
    }
    if (changed->done) {
        return FinishDone(deps_,
                          record,
                          boost::json::serialize(
                              boost::json::object{{"done", true}, {"already", changed->already}}));
    }
    const std::string waiting =
        boost::json::serialize(boost::json::object{{"pending_job", changed->pending_job}});
    const Error still_running{ErrorCode::kUnavailable,
                              "the platform job " + changed->pending_job + " has not finished",
                              {},
                              std::chrono::seconds(2)};
    return OnOrderPushError(deps_, record, waiting, still_running, kOrderStateConflict, context);
}

}  // namespace scs
