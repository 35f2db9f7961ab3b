#include "push/order_push_support.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace scs {
namespace {

bool IsFinished(PushState state) {
    return state == PushState::kDone || state == PushState::kFailed || state == PushState::kSkipped;
}

std::string ErrorCodeFor(const Error& error, std::string_view conflict_code) {
    if (error.code == ErrorCode::kConflict) {
        return std::string(conflict_code);
    }
    return std::string(ErrorCodeName(error.code));
}

}  // namespace

Result<std::optional<PushRecord>> LoadOpenPush(const PushJobDeps& deps,
                                               const PushJobPayload& payload) {
    auto record = GetPush(deps.executor, payload.connection_id, payload.push_id);
    if (!record) {
        if (record.error().code == ErrorCode::kNotFound) {
            return std::optional<PushRecord>();
        }
        return tl::unexpected(record.error());
    }
    if (IsFinished(record->state)) {
        deps.metrics.CountPush(PushKindName(record->kind), "duplicate");
        return std::optional<PushRecord>();
    }
    return std::optional<PushRecord>(std::move(*record));
}

Status FinishFailed(const PushJobDeps& deps,
                    const PushRecord& record,
                    std::string_view error_code,
                    const std::string& error) {
    deps.metrics.CountPush(PushKindName(record.kind), "failed");
    return FinishPush(
        deps.executor,
        record.id,
        PushFinish{PushState::kFailed, record.result_json, std::string(error_code), error},
        deps.clock.Now());
}

Status FinishDone(const PushJobDeps& deps, const PushRecord& record, std::string result_json) {
    deps.metrics.CountPush(PushKindName(record.kind), "done");
    return FinishPush(deps.executor,
                      record.id,
                      PushFinish{PushState::kDone, std::move(result_json), "", ""},
                      deps.clock.Now());
}

Status OnOrderPushError(const PushJobDeps& deps,
                        const PushRecord& record,
                        const std::string& result_json,
                        const Error& error,
                        std::string_view conflict_code,
                        const JobContext& context) {
    const bool transient = IsTransientPushError(error.code);
    if (transient && !IsFinalReceive(context, deps.max_receives)) {
        deps.metrics.CountPush(PushKindName(record.kind), "retried");
        if (auto noted = NotePush(
                deps.executor, record.id, result_json, DescribeError(error), deps.clock.Now());
            !noted) {
            return noted;
        }
        return tl::unexpected(error);
    }
    if (error.code == ErrorCode::kInvalidCredentials) {
        MarkReauthRequired(deps.connections, record.connection_id, deps.clock.Now());
    }
    PushRecord noted = record;
    noted.result_json = result_json;
    if (auto failed = FinishFailed(deps, noted, ErrorCodeFor(error, conflict_code), error.message);
        !failed) {
        return failed;
    }
    return transient ? Status(tl::unexpected(error)) : Status{};
}

std::string JsonStringField(std::string_view json, std::string_view key) {
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(json, ec);
    const auto* object = ec ? nullptr : value.if_object();
    const auto* field = object == nullptr ? nullptr : object->if_contains(key);
    return field != nullptr && field->is_string() ? std::string(field->as_string()) : "";
}

Status RunOrderPush(const PushJobDeps& deps,
                    std::string_view job_type,
                    const Job& job,
                    const OrderPushAction& act) {
    auto payload = ParsePushJobPayload(job_type, job.payload_json);
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    auto record = LoadOpenPush(deps, *payload);
    if (!record || !*record) {
        return record ? Status{} : Status(tl::unexpected(record.error()));
    }
    auto opened = OpenPushTarget(deps, payload->connection_id);
    if (!opened) {
        return tl::unexpected(opened.error());
    }
    if (const auto* refusal = std::get_if<Error>(&*opened)) {
        return FinishFailed(deps, **record, ErrorCodeName(refusal->code), refusal->message);
    }
    return act(std::get<PushTarget>(*opened), **record);
}

}  // namespace scs
