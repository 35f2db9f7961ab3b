#include "http/request.hpp"

#include <string>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace scs {
namespace {

// Printable ASCII that RFC 3986 leaves out of a query but that clients send raw and servers
// (Apache, nginx, PHP) accept there: "status[0]=a", "status[]=b", "{…}", "a|b".
bool IsLenientQueryChar(char c) {
    static constexpr std::string_view kLenient = "[]{}|^`\\\"<>";
    return kLenient.find(c) != std::string_view::npos;
}

// The target with those characters percent-encoded in its query, so that the strict parser
// below reads them; the path and everything else are left for it to judge.
std::string EncodeLenientQueryChars(std::string_view target) {
    std::string encoded(target);
    const size_t question = encoded.find('?');
    if (question == std::string::npos) {
        return encoded;
    }
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    for (size_t i = question + 1; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (!IsLenientQueryChar(c)) {
            continue;
        }
        const auto byte = static_cast<unsigned char>(c);
        encoded.replace(i, 1, {'%', kHex[byte >> 4U], kHex[byte & 0xFU]});
        i += 2;
    }
    return encoded;
}

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
    const std::string lenient = EncodeLenientQueryChars(target);
    const auto url = ParseTarget(lenient);
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
