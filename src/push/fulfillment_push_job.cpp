#include "push/fulfillment_push_job.hpp"

#include <variant>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "push/order_push_support.hpp"
#include "push/push_request_json.hpp"

namespace scs {
namespace {

constexpr std::string_view kAlreadyFulfilled = "ALREADY_FULFILLED";
const std::string kCallStartedJson = R"({"platform_call":"started"})";

std::string ResultJson(const FulfillmentResult& result) {
    return boost::json::serialize(boost::json::object{{"fulfillment_id", result.fulfillment_id},
                                                      {"already_existed", result.already_existed}});
}

FulfillmentRequest PlatformRequest(FulfillmentPushRequest request) {
    return FulfillmentRequest{std::move(request.order_external_id),
                              std::move(request.tracking_number),
                              std::move(request.carrier),
                              std::move(request.tracking_url),
                              std::move(request.lines),
                              request.notify_customer};
}

}  // namespace

JobHandler FulfillmentPushJob::Handler() {
    return [this](const Job& job, JobContext& context) {
        return Run(job, context);
    };
}

Status FulfillmentPushJob::Run(const Job& job, JobContext& context) {
    return RunOrderPush(deps_,
                        kPushFulfillmentJobType,
                        job,
                        [this, &context](PushTarget& target, const PushRecord& record) {
                            return Ship(target, record, context);
                        });
}

Status FulfillmentPushJob::Ship(PushTarget& target, const PushRecord& record, JobContext& context) {
    auto request = ParseFulfillmentPushJson(record.request_json);
    if (!request) {
        return FinishFailed(
            deps_, record, ErrorCodeName(request.error().code), request.error().message);
    }
    if (auto started = StartPush(deps_.executor, record.id, deps_.clock.Now()); !started) {
        return started;
    }
    const bool untracked = request->tracking_number.empty();
    const bool called_before = JsonStringField(record.result_json, "platform_call") == "started";
    std::string result_json = record.result_json;
    if (untracked && !called_before) {
        // Without a tracking number the platform cannot tell our earlier fulfilment from
        // another: remember that the call is being made, before making it.
        result_json = kCallStartedJson;
        if (auto noted = NotePush(deps_.executor, record.id, result_json, "", deps_.clock.Now());
            !noted) {
            return noted;
        }
    }
    auto shipped =
        target.connector->CreateFulfillment(target.session, PlatformRequest(std::move(*request)));
    if (shipped) {
        return FinishDone(deps_, record, ResultJson(*shipped));
    }
    if (shipped.error().code == ErrorCode::kConflict && untracked && called_before) {
        logger_.Info("fulfilment found done by an earlier attempt",
                     {log::F("push_id", record.id), log::F("connection_id", record.connection_id)});
        return FinishDone(deps_, record, ResultJson(FulfillmentResult{"", true}));
    }
    return OnOrderPushError(
        deps_, record, result_json, shipped.error(), kAlreadyFulfilled, context);
}

}  // namespace scs
