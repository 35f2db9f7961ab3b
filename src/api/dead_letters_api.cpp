#include "api/dead_letters_api.hpp"

#include <algorithm>
#include <charconv>

#include <boost/json.hpp>

#include "api/connections_api.hpp"
#include "core/time.hpp"

namespace scs {
namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 500;

Result<int> ParseLimit(const HttpRequest& request) {
    const auto text = request.Query("limit");
    if (!text) {
        return kDefaultLimit;
    }
    int limit = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
    if (ec != std::errc() || ptr != text->data() + text->size() || limit < 1 || limit > kMaxLimit) {
        return FailField("limit", "limit: a whole number from 1 to " + std::to_string(kMaxLimit));
    }
    return limit;
}

boost::json::object DeadLetterJson(const std::string& queue, const DeadLetter& letter) {
    boost::json::object json{
        {"id", queue + ":" + letter.id},
        {"queue", queue},
        {"message_id", letter.id},
        {"group_id", letter.group_id},
        {"reason", letter.reason},
        {"last_error", letter.last_error},
        {"receive_count", letter.receive_count},
        {"sent_at", FormatRfc3339(letter.sent_at)},
        {"dead_at", letter.dead_at ? boost::json::value(FormatRfc3339(*letter.dead_at)) : nullptr},
        {"body", letter.body},
    };
    return json;
}

HttpResponse AdminOnly() {
    return ErrorResponse(ErrorCode::kAuthorization, "dead letters need the admin token");
}

}  // namespace

HttpResponse DeadLettersApi::List(HttpRequest& request, const Principal& principal) const {
    if (!principal.admin) {
        return AdminOnly();
    }
    auto limit = ParseLimit(request);
    if (!limit) {
        return ErrorResponse(limit.error());
    }
    const auto only = request.Query("queue");
    if (only && queues_.count(*only) == 0) {
        return ErrorResponse(Error{
            ErrorCode::kBadRequest, "queue: unknown queue '" + *only + "'", "queue", std::nullopt});
    }
    boost::json::array letters;
    for (const auto& [name, queue] : queues_) {
        if (only && name != *only) {
            continue;
        }
        auto listed = queue->ListDeadLetters(*limit);
        if (!listed) {
            return ErrorResponse(listed.error());
        }
        for (const auto& letter : *listed) {
            letters.push_back(DeadLetterJson(name, letter));
        }
    }
    return OkResponse(200, boost::json::object{{"dead_letters", std::move(letters)}});
}

HttpResponse DeadLettersApi::Retry(HttpRequest& request, const Principal& principal) const {
    if (!principal.admin) {
        return AdminOnly();
    }
    const std::string& id = request.path_params.at("id");
    const auto colon = id.find(':');
    const auto queue =
        colon == std::string::npos ? queues_.end() : queues_.find(id.substr(0, colon));
    if (queue == queues_.end() || colon + 1 == id.size()) {
        return ErrorResponse(ErrorCode::kNotFound, "no dead letter '" + id + "'");
    }
    if (auto retried = queue->second->RetryDeadLetter(id.substr(colon + 1)); !retried) {
        return ErrorResponse(retried.error());
    }
    return OkResponse(202, boost::json::object{{"id", id}, {"queue", queue->first}});
}

void AddDeadLetterRoutes(Router& router,
                         const DeadLettersApi& api,
                         const TokenAuthenticator& auth) {
    router.Add(
        "GET",
        "/api/v1/dead_letters",
        RequireAuth(auth, [&api](HttpRequest& r, const Principal& p) { return api.List(r, p); }));
    router.Add(
        "POST",
        "/api/v1/dead_letters/{id}/retry",
        RequireAuth(auth, [&api](HttpRequest& r, const Principal& p) { return api.Retry(r, p); }));
}

}  // namespace scs
