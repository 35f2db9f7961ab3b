#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "push/push_job_support.hpp"
#include "storage/push_store.hpp"

// What the fulfilment and status jobs share: loading a push that still needs work, ending it,
// and deciding between retry and failure after a platform error. Internal to src/push.
namespace scs {

// The push named by the payload when it still needs work; nullopt when it is gone or already
// done, failed or skipped (a duplicate delivery).
[[nodiscard]] Result<std::optional<PushRecord>> LoadOpenPush(const PushJobDeps& deps,
                                                             const PushJobPayload& payload);

// Ends the push failed with `error_code` and `error`; counts it.
[[nodiscard]] Status FinishFailed(const PushJobDeps& deps,
                                  const PushRecord& record,
                                  std::string_view error_code,
                                  const std::string& error);

// Ends the push done with `result_json`; counts it.
[[nodiscard]] Status FinishDone(const PushJobDeps& deps,
                                const PushRecord& record,
                                std::string result_json);

// After a platform error: a transient one is noted on the push (keeping `result_json`) and
// returned so the worker retries, unless this is the last delivery; anything else (and the
// last delivery) ends the push failed. kNotFound, kBadRequest and kConflict become NOT_FOUND,
// BAD_REQUEST and `conflict_code`; rejected credentials also mark the connection
// reauth_required. Returns the error for a retry or a last transient delivery, else success.
[[nodiscard]] Status OnOrderPushError(const PushJobDeps& deps,
                                      const PushRecord& record,
                                      const std::string& result_json,
                                      const Error& error,
                                      std::string_view conflict_code,
                                      const JobContext& context);

// Runs `act` on what an order push job's delivery names: the payload parsed (as `job_type`),
// the push loaded (a finished one is a duplicate delivery: nothing to do) and its connection
// opened (one that cannot take the push ends it failed).
using OrderPushAction = std::function<Status(PushTarget&, const PushRecord&)>;

[[nodiscard]] Status RunOrderPush(const PushJobDeps& deps,
                                  std::string_view job_type,
                                  const Job& job,
                                  const OrderPushAction& act);

// The string member `key` of a JSON object text; "" when absent or not a string.
std::string JsonStringField(std::string_view json, std::string_view key);

}  // namespace scs
