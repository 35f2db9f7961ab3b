#include "sandbox/woocommerce/paging.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace scs::sandbox::woocommerce {
namespace {

// The top-level name PHP files "name", "name[]" or "name[key]" under.
std::string_view TopLevelName(std::string_view name) {
    const size_t open = name.find('[');
    if (open == std::string_view::npos || open == 0 || name.back() != ']') {
        return name;
    }
    return name.substr(0, open);
}

// One parameter as add_query_arg writes it back: the value went out raw and was read again by
// parse_str (a second urldecode), then urlencode; array items as name%5Bkey%5D=value.
void AppendParam(std::string& query, const std::string& name, const PhpValue& value) {
    const auto append = [&query](const std::string& key, const std::string& text) {
        query += query.empty() ? "" : "&";
        query += key + "=" + UrlEncode(UrlDecode(text));
    };
    if (!value.is_array) {
        append(name, value.scalar);
        return;
    }
    for (const auto& [sub_key, item] : value.entries) {
        std::string key = name;
        key.append("%5B").append(sub_key).append("%5D");
        append(key, item);
    }
}

// The request's parameters as WooCommerce's Link carries them (add_query_arg over
// get_query_params(), then add_query_arg('page', N)): PHP's $_GET, each name once where it first
// arrived, a repeated plain name with its last value, arrays whole, and page=N in place of any
// page parameter or appended.
std::string WithPage(std::string_view raw_query, int64_t page) {
    PhpParams params;
    std::vector<std::string> names;
    while (!raw_query.empty()) {
        const size_t amp = raw_query.find('&');
        const std::string_view pair = raw_query.substr(0, amp);
        raw_query = amp == std::string_view::npos ? std::string_view{} : raw_query.substr(amp + 1);
        const size_t equals = pair.find('=');
        const std::string name = UrlDecode(pair.substr(0, equals));
        if (name.empty()) {
            continue;
        }
        const std::string top(TopLevelName(name));
        if (params.find(top) == params.end()) {
            names.push_back(top);
        }
        AddPhpParam(params,
                    name,
                    equals == std::string_view::npos ? "" : UrlDecode(pair.substr(equals + 1)));
    }
    if (params.find("page") == params.end()) {
        names.emplace_back("page");
    }
    params["page"] = PhpValue{std::to_string(page), {}, false};
    std::string rebuilt;
    for (const auto& name : names) {
        AppendParam(rebuilt, name, params.at(name));
    }
    return rebuilt;
}

}  // namespace

CollectionParams ReadCollectionParams(const RestRequest& request,
                                      const std::vector<std::string>& orderby_values,
                                      const std::string& default_orderby,
                                      ParamErrors& errors) {
    CollectionParams params;
    params.page = ReadInt(request, "page", 1, 1, INT64_MAX, errors).value_or(1);
    params.per_page = ReadInt(request, "per_page", 10, 1, kMaxPerPage, errors).value_or(10);
    if (request.Param("offset")) {
        params.offset = ReadInt(request, "offset", 0, 0, INT64_MAX, errors);
    }
    params.order = ReadEnum(request, "order", {"asc", "desc"}, "desc", errors);
    params.orderby = ReadEnum(request, "orderby", orderby_values, default_orderby, errors);
    params.include = ReadIdList(request, "include", errors);
    params.exclude = ReadIdList(request, "exclude", errors);
    params.search = ReadString(request, "search", "", errors);
    return params;
}

PageWindow ComputePageWindow(int64_t total, const CollectionParams& params) {
    PageWindow window;
    window.total = total;
    window.total_pages = (total + params.per_page - 1) / params.per_page;
    const int64_t begin = params.offset ? *params.offset : (params.page - 1) * params.per_page;
    window.begin = static_cast<size_t>(std::clamp<int64_t>(begin, 0, total));
    window.end = static_cast<size_t>(std::min<int64_t>(total, begin + params.per_page));
    window.end = std::max(window.end, window.begin);
    return window;
}

std::string PagingLinkHeader(std::string_view collection_url,
                             std::string_view raw_query,
                             int64_t page,
                             int64_t total_pages) {
    std::string header;
    if (page > 1) {
        const int64_t previous = std::min(page - 1, total_pages);
        header += "<" + std::string(collection_url) + "?" + WithPage(raw_query, previous) +
                  ">; rel=\"prev\"";
    }
    if (total_pages > page) {
        header += header.empty() ? "" : ", ";
        header += "<" + std::string(collection_url) + "?" + WithPage(raw_query, page + 1) +
                  ">; rel=\"next\"";
    }
    return header;
}

void AddPagingHeaders(HttpResponse& response,
                      const PageWindow& window,
                      const std::string& link_header) {
    response.headers.emplace_back("X-WP-Total", std::to_string(window.total));
    response.headers.emplace_back("X-WP-TotalPages", std::to_string(window.total_pages));
    if (!link_header.empty()) {
        response.headers.emplace_back("Link", link_header);
    }
}

}  // namespace scs::sandbox::woocommerce
