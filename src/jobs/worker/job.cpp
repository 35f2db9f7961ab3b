#include "jobs/worker/job.hpp"

#include <stdexcept>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace scs {
namespace {

boost::json::object ParsePayloadArgument(std::string_view payload_json_object) {
    if (payload_json_object.empty()) {
        return {};
    }
    boost::system::error_code ec;
    boost::json::value payload = boost::json::parse(payload_json_object, ec);
    if (ec || !payload.is_object()) {
        throw std::invalid_argument("EncodeJob: the payload must be a serialized JSON object");
    }
    return std::move(payload.as_object());
}

Result<std::string> ParseType(const boost::json::object& body) {
    const boost::json::value* type = body.if_contains("type");
    if (type == nullptr) {
        return Fail(ErrorCode::kInvalidPayload, R"(job body has no "type")");
    }
    if (!type->is_string()) {
        return Fail(ErrorCode::kInvalidPayload, R"(job "type" must be a string)");
    }
    if (type->as_string().empty()) {
        return Fail(ErrorCode::kInvalidPayload, R"(job "type" must not be empty)");
    }
    return std::string(type->as_string());
}

Result<std::string> ParsePayload(const boost::json::object& body) {
    const boost::json::value* payload = body.if_contains("payload");
    if (payload == nullptr) {
        return std::string("{}");
    }
    if (!payload->is_object()) {
        return Fail(ErrorCode::kInvalidPayload, R"(job "payload" must be a JSON object)");
    }
    return boost::json::serialize(*payload);
}

}  // namespace

std::string EncodeJob(std::string_view type, std::string_view payload_json_object) {
    boost::json::object body;
    body["type"] = type;
    body["payload"] = ParsePayloadArgument(payload_json_object);
    return boost::json::serialize(body);
}

Result<Job> ParseJob(std::string_view body) {
    boost::system::error_code ec;
    boost::json::value parsed = boost::json::parse(body, ec);
    if (ec) {
        return Fail(ErrorCode::kInvalidPayload, "job body is not valid JSON: " + ec.message());
    }
    if (!parsed.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "job body must be a JSON object");
    }
    auto type = ParseType(parsed.as_object());
    if (!type) {
        return tl::unexpected(std::move(type.error()));
    }
    auto payload = ParsePayload(parsed.as_object());
    if (!payload) {
        return tl::unexpected(std::move(payload.error()));
    }
    return Job{std::move(*type), std::move(*payload)};
}

}  // namespace scs
