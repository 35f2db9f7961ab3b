#include "connectors/woocommerce/woocommerce_catalogue.hpp"

#include <algorithm>
#include <charconv>

#include <boost/json.hpp>

#include "connectors/woocommerce/woocommerce_mapping.hpp"

namespace scs {
namespace {

constexpr int kMaxPerPage = 100;

Result<int64_t> PageOf(const std::string& cursor) {
    if (cursor.empty()) {
        return 1;
    }
    int64_t page = 0;
    const auto [end, error] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), page);
    if (error != std::errc() || end != cursor.data() + cursor.size() || page < 1) {
        return FailField("cursor", "not a WooCommerce product cursor");
    }
    return page;
}

// X-WP-TotalPages decides; without it, a full page means there may be more.
bool HasMore(const WooCommerceReply& reply, size_t answered, int per_page, int64_t page) {
    const auto total = reply.TotalPages();
    return total ? page < *total : answered >= static_cast<size_t>(per_page);
}

// Every variation of a variable product, all pages, as one JSON array.
Result<boost::json::array> FetchVariations(WooCommerceRest& rest, int64_t product_id) {
    const std::string path =
        std::string(kWooCommerceApi) + "/products/" + std::to_string(product_id) + "/variations";
    boost::json::array variations;
    for (int64_t page = 1;; ++page) {
        auto reply = rest.Get(
            path, {{"per_page", std::to_string(kMaxPerPage)}, {"page", std::to_string(page)}});
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        if (!reply->body.is_array()) {
            return Fail(ErrorCode::kInvalidPayload,
                        "WooCommerce answered variations that are not a list");
        }
        const auto& found = reply->body.get_array();
        variations.insert(variations.end(), found.begin(), found.end());
        if (!HasMore(*reply, found.size(), kMaxPerPage, page)) {
            return variations;
        }
    }
}

Status AppendListings(WooCommerceRest& rest, const boost::json::value& product, ProductPage& page) {
    boost::json::array variations;
    const auto id = WooInt(product, "id");
    if (WooString(product, "type") == "variable" && id) {
        auto fetched = FetchVariations(rest, *id);
        if (!fetched) {
            return tl::unexpected(fetched.error());
        }
        variations = std::move(*fetched);
    }
    auto listings = MapWooCommerceProduct(product, variations);
    if (!listings) {
        return Fail(ErrorCode::kInvalidPayload,
                    "WooCommerce product " + (id ? std::to_string(*id) : std::string("?")) +
                        " does not map: " + listings.error().message);
    }
    std::move(listings->begin(), listings->end(), std::back_inserter(page.listings));
    return {};
}

}  // namespace

Result<ProductPage> FetchWooCommerceListings(WooCommerceRest& rest,
                                             const ProductPageRequest& request) {
    auto page_number = PageOf(request.cursor);
    if (!page_number) {
        return tl::unexpected(page_number.error());
    }
    const int per_page = std::clamp(request.page_size, 1, kMaxPerPage);
    auto reply = rest.Get(std::string(kWooCommerceApi) + "/products",
                          {{"orderby", "id"},
                           {"order", "asc"},
                           {"per_page", std::to_string(per_page)},
                           {"page", std::to_string(*page_number)}});
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    if (!reply->body.is_array()) {
        return Fail(ErrorCode::kInvalidPayload,
                    "WooCommerce answered products that are not a list");
    }
    ProductPage page;
    for (const auto& product : reply->body.get_array()) {
        if (auto added = AppendListings(rest, product, page); !added) {
            return tl::unexpected(added.error());
        }
    }
    if (HasMore(*reply, reply->body.get_array().size(), per_page, *page_number)) {
        page.next_cursor = std::to_string(*page_number + 1);
    }
    return page;
}

}  // namespace scs
