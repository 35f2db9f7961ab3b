#include "http/request.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace scs {
namespace {

boost::urls::result<boost::urls::url_view> ParseTarget(std::string_view target) {
    if (!target.empty() && target.front() == '/') {
        return boost::urls::parse_origin_form(target);
    }
    return boost::urls::parse_absolute_uri(target);
}

}  // namespace

std::optional<std::string_view> HttpRequest::Header(std::string_view name) const {
    return FindHeader(headers, name);
}

std::optional<std::string> HttpRequest::Query(std::string_view name) const {
    const auto found = query.find(std::string(name));
    if (found == query.end()) {
        return std::nullopt;
    }
    return found->second;
}

Status ParseRequestTarget(std::string_view target, HttpRequest& request) {
    const auto url = ParseTarget(target);
    if (!url) {
        return Fail(ErrorCode::kBadRequest, "malformed request target");
    }
    request.target = std::string(target);
    request.path = url->path();
    // An absolute-form target such as "http://host" has an empty path; it means the root.
    if (request.path.empty()) {
        request.path.push_back('/');
    }
    if (request.path.front() != '/') {
        return Fail(ErrorCode::kBadRequest, "malformed request target");
    }
    request.query.clear();
    boost::urls::encoding_opts form_rules;
    form_rules.space_as_plus = true;
    for (const auto& param : url->params(form_rules)) {
        request.query[param.key] = param.value;
    }
    return {};
}

}  // namespace scs
