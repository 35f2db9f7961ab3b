#include "push/push_job_support.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "security/credential_seal.hpp"

namespace scs {
namespace {

Error Refusal(ErrorCode code, std::string message) {
    return Error{code, std::move(message), {}, std::nullopt};
}

}  // namespace

Result<PushJobPayload> ParsePushJobPayload(std::string_view job_type, const std::string& json) {
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(json, ec);
    const auto* object = ec ? nullptr : value.if_object();
    const auto* connection = object == nullptr ? nullptr : object->if_contains("connection_id");
    const auto* push = object == nullptr ? nullptr : object->if_contains("push_id");
    if (connection == nullptr || push == nullptr || !connection->is_int64() || !push->is_int64()) {
        return Fail(ErrorCode::kInvalidPayload,
                    std::string(job_type) + " payload: needs integer connection_id and push_id");
    }
    return PushJobPayload{connection->as_int64(), push->as_int64()};
}

Result<std::variant<PushTarget, Error>> OpenPushTarget(const PushJobDeps& deps,
                                                       int64_t connection_id) {
    using Opened = std::variant<PushTarget, Error>;
    auto connection = deps.connections.Get(connection_id);
    if (!connection) {
        if (connection.error().code != ErrorCode::kNotFound) {
            return tl::unexpected(connection.error());
        }
        return Opened(Refusal(ErrorCode::kNotFound, "the sales channel connection is gone"));
    }
    if (auto active = CheckConnectionActive(*connection, ErrorCode::kConflict); !active) {
        return Opened(active.error());
    }
    auto credentials = OpenCredentials(deps.secrets, *connection);
    if (!credentials) {
        return Opened(Refusal(ErrorCode::kInvalidCredentials,
                              "credentials do not open: " + credentials.error().message));
    }
    auto connector = deps.connectors.Make(connection->platform);
    if (!connector) {
        return Opened(connector.error());
    }
    return Opened(
        PushTarget{std::move(*connector),
                   ConnectorSession{std::move(*connection), std::move(*credentials), deps.vault}});
}

bool IsTransientPushError(ErrorCode code) {
    return code == ErrorCode::kRateLimited || code == ErrorCode::kUnavailable ||
           code == ErrorCode::kTimeout;
}

bool IsFinalReceive(const JobContext& context, int max_receives) {
    return context.Message().receive_count >= max_receives;
}

}  // namespace scs
