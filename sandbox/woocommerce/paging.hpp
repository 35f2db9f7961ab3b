#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "sandbox/woocommerce/rest_request.hpp"

// WordPress collection paging: the shared parameters (page, per_page 1..100 default 10, offset,
// order, orderby, include, exclude, search), the slice a page covers, and the X-WP-Total,
// X-WP-TotalPages and Link headers (rel="prev" then rel="next", with the request's parameters).
// Pure.
namespace scs::sandbox::woocommerce {

inline constexpr int64_t kMaxPerPage = 100;

struct CollectionParams {
    int64_t page = 1;
    int64_t per_page = 10;
    std::optional<int64_t> offset;
    std::string order = "desc";
    std::string orderby;
    std::vector<int64_t> include;
    std::vector<int64_t> exclude;
    std::string search;
};

// Reads the shared parameters; `orderby` must be one of `orderby_values`.
CollectionParams ReadCollectionParams(const RestRequest& request,
                                      const std::vector<std::string>& orderby_values,
                                      const std::string& default_orderby,
                                      ParamErrors& errors);

// Which items of `total` matching ones a page answers: [begin, end), and the page count.
struct PageWindow {
    size_t begin = 0;
    size_t end = 0;
    int64_t total = 0;
    int64_t total_pages = 0;
};

PageWindow ComputePageWindow(int64_t total, const CollectionParams& params);

// The Link header value for `page` of `total_pages`, or "" when there is neither a previous nor
// a next page. The parameters of `raw_query` come back as WooCommerce writes them: each name once
// in arrival order (a repeated plain name with PHP's last value), arrays as name%5Bkey%5D=value,
// values urlencoded, page replaced in place (or appended).
std::string PagingLinkHeader(std::string_view collection_url,
                             std::string_view raw_query,
                             int64_t page,
                             int64_t total_pages);

// Adds X-WP-Total, X-WP-TotalPages and (when there is one) Link.
void AddPagingHeaders(HttpResponse& response,
                      const PageWindow& window,
                      const std::string& link_header);

}  // namespace scs::sandbox::woocommerce
