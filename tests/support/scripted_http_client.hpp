#pragma once

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "net/http_client.hpp"

// The one scripted HttpClient of the connector unit tests: answers queued responses (or
// transport errors) in order and records every request. Platform helpers (a Shopify GraphQL data
// answer, a WooCommerce list page) derive from it in the platform's test folder.
namespace scs::testing {

class ScriptedHttpClient : public HttpClient {
public:
    Result<OutboundResponse> Send(const OutboundRequest& request) override {
        requests.push_back(request);
        if (answers.empty()) {
            return Fail(ErrorCode::kUnavailable, "no scripted answer");
        }
        auto answer = std::move(answers.front());
        answers.pop_front();
        return answer;
    }

    void Add(int status, std::string body, HeaderList headers = {}) {
        answers.emplace_back(OutboundResponse{status, std::move(headers), std::move(body)});
    }

    // A 200 answer with `body` as JSON.
    void AddJson(const boost::json::value& body, HeaderList headers = {}) {
        Add(200, boost::json::serialize(body), std::move(headers));
    }

    // A transport failure (timeout, refused connection) instead of an answer.
    void AddError(Error error) { answers.emplace_back(tl::unexpected(std::move(error))); }

    std::deque<Result<OutboundResponse>> answers;
    std::vector<OutboundRequest> requests;
};

}  // namespace scs::testing
