// WooSite: products and variations over REST.
#include <algorithm>
#include <cctype>
#include <tuple>

#include "sandbox/woocommerce/woo_site.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

WpError InvalidId(int status, int64_t parent) {
    return WpError{status,
                   parent == 0 ? "woocommerce_rest_product_invalid_id"
                               : "woocommerce_rest_product_variation_invalid_id",
                   "Invalid ID.",
                   {},
                   {}};
}

WpError DuplicatedSku() {
    return WpError{400, "product_invalid_sku", "Invalid or duplicated SKU.", {}, {}};
}

std::string Lower(std::string_view text) {
    std::string lower(text);
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower;
}

bool Contains(const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Which rows the collection lists at all: top-level products, or one product's variations; an
// sku filter on /products reaches variations too.
bool InCollection(const WooProduct& product, const ProductQuery& query, int64_t parent) {
    if (parent != 0) {
        return product.parent_id == parent;
    }
    return product.type != "variation" || !query.skus.empty();
}

bool MatchesFilters(const WooProduct& product, const ProductQuery& query) {
    const auto& skus = query.skus;
    const bool sku_ok =
        skus.empty() || std::find(skus.begin(), skus.end(), product.sku) != skus.end();
    const bool status_ok =
        query.status == "any" ? product.status != "trash" : product.status == query.status;
    return sku_ok && status_ok && (query.type.empty() || product.type == query.type) &&
           (query.stock_status.empty() || product.stock_status == query.stock_status);
}

bool MatchesDates(const WooProduct& product, const ProductQuery& query) {
    return (!query.after || product.created > *query.after) &&
           (!query.before || product.created < *query.before) &&
           (!query.modified_after || product.modified > *query.modified_after) &&
           (!query.modified_before || product.modified < *query.modified_before);
}

bool MatchesSearch(const WooProduct& product, const std::string& search) {
    return search.empty() ||
           Lower(product.name + " " + product.sku).find(Lower(search)) != std::string::npos;
}

bool Matches(const WooProduct& product, const ProductQuery& query, int64_t parent) {
    const auto& paging = query.paging;
    return InCollection(product, query, parent) && MatchesFilters(product, query) &&
           MatchesDates(product, query) &&
           (paging.include.empty() || Contains(paging.include, product.id)) &&
           !Contains(paging.exclude, product.id) && MatchesSearch(product, paging.search);
}

bool Before(const WooProduct& a, const WooProduct& b, const CollectionParams& paging) {
    if (paging.orderby == "title" || paging.orderby == "slug") {
        return std::tie(a.name, a.id) < std::tie(b.name, b.id);
    }
    if (paging.orderby == "include") {
        const auto& ids = paging.include;
        const auto pos_a = std::find(ids.begin(), ids.end(), a.id) - ids.begin();
        const auto pos_b = std::find(ids.begin(), ids.end(), b.id) - ids.begin();
        return pos_a < pos_b;
    }
    if (paging.orderby == "modified") {
        return std::tie(a.modified, a.id) < std::tie(b.modified, b.id);
    }
    if (paging.orderby == "id") {
        return a.id < b.id;
    }
    return std::tie(a.created, a.id) < std::tie(b.created, b.id);
}

}  // namespace

json::object WooSite::RenderProductOf(const WooProduct& product) const {
    if (product.type != "variable") {
        return RenderProduct(product, Products());
    }
    // A variable product is in stock while any of its variations is.
    WooProduct shown = product;
    shown.stock_status = "outofstock";
    for (int64_t id : product.variations) {
        const WooProduct* variation = FindProduct(id, product.id);
        if (variation != nullptr && variation->stock_status == "instock") {
            shown.stock_status = "instock";
        }
    }
    return RenderProduct(shown, Products());
}

ListPage WooSite::ListProducts(const ProductQuery& query, int64_t parent) const {
    const std::lock_guard lock(mutex_);
    std::vector<const WooProduct*> matched;
    for (const auto& [id, product] : products_) {
        if (Matches(product, query, parent)) {
            matched.push_back(&product);
        }
    }
    const bool ascending = query.paging.order == "asc";
    std::stable_sort(matched.begin(), matched.end(), [&](const WooProduct* a, const WooProduct* b) {
        return ascending ? Before(*a, *b, query.paging) : Before(*b, *a, query.paging);
    });
    ListPage page;
    page.window = ComputePageWindow(static_cast<int64_t>(matched.size()), query.paging);
    for (size_t i = page.window.begin; i < page.window.end; ++i) {
        page.items.push_back(parent == 0 ? RenderProductOf(*matched[i])
                                         : RenderVariation(*matched[i], Products()));
    }
    return page;
}

WpResult<json::object> WooSite::GetProduct(int64_t id, int64_t parent) const {
    const std::lock_guard lock(mutex_);
    const WooProduct* product = FindProduct(id, parent);
    if (product == nullptr || (parent != 0 && product->type != "variation")) {
        return tl::unexpected(InvalidId(404, parent));
    }
    return parent == 0 ? RenderProductOf(*product) : RenderVariation(*product, Products());
}

WpResult<json::object> WooSite::CreateProduct(const json::object& body,
                                              int64_t parent,
                                              TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooProduct product;
    WooProduct* owner = parent == 0 ? nullptr : FindProduct(parent, 0);
    if (parent != 0 && (owner == nullptr || owner->type == "variation")) {
        return tl::unexpected(InvalidId(404, 0));
    }
    ParamErrors errors;
    RestRequest reader;
    reader.body = body;
    product.type =
        parent != 0
            ? "variation"
            : ReadEnum(
                  reader, "type", {"simple", "grouped", "external", "variable"}, "simple", errors);
    if (!errors.Empty()) {
        return tl::unexpected(errors.ToError());
    }
    if (owner != nullptr) {
        product.parent_id = parent;
        product.regular_price = owner->regular_price;
        if (const auto* attributes = body.if_contains("attributes");
            attributes != nullptr && attributes->is_array() && !attributes->get_array().empty()) {
            const auto* option = attributes->get_array()[0].as_object().if_contains("option");
            product.option = option != nullptr && option->is_string() ? option->get_string() : "";
        }
        product.name = owner->name + (product.option.empty() ? "" : " - " + product.option);
    }
    auto written = ApplyProductWrite(std::move(product), body, Products().exponent);
    if (!written) {
        return tl::unexpected(written.error());
    }
    if (!written->sku.empty() && FindBySku(written->sku) != nullptr) {
        return tl::unexpected(DuplicatedSku());
    }
    written->id = next_product_id_++;
    written->created = written->modified = now;
    if (owner != nullptr) {
        owner->variations.push_back(written->id);
    }
    const int64_t id = written->id;
    products_[id] = std::move(*written);
    Fire("product.created", id, now);
    return parent == 0 ? RenderProductOf(products_[id])
                       : RenderVariation(products_[id], Products());
}

WpResult<json::object> WooSite::UpdateProduct(int64_t id,
                                              const json::object& body,
                                              int64_t parent,
                                              TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooProduct* product = FindProduct(id, parent);
    if (product == nullptr) {
        return tl::unexpected(InvalidId(400, parent));
    }
    auto written = ApplyProductWrite(*product, body, Products().exponent);
    if (!written) {
        return tl::unexpected(written.error());
    }
    const WooProduct* same_sku = FindBySku(written->sku);
    if (same_sku != nullptr && same_sku->id != id) {
        return tl::unexpected(DuplicatedSku());
    }
    written->modified = std::max(written->modified, now);
    *product = std::move(*written);
    Fire("product.updated", id, now);
    return parent == 0 ? RenderProductOf(*product) : RenderVariation(*product, Products());
}

WpResult<json::object> WooSite::DeleteProduct(int64_t id,
                                              bool force,
                                              int64_t parent,
                                              TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooProduct* product = FindProduct(id, parent);
    if (product == nullptr) {
        return tl::unexpected(InvalidId(404, parent));
    }
    json::object rendered =
        parent == 0 ? RenderProductOf(*product) : RenderVariation(*product, Products());
    if (!force) {
        if (product->status == "trash") {
            return WpFail(410,
                          "woocommerce_rest_already_trashed",
                          "The " + std::string(parent == 0 ? "product" : "product_variation") +
                              " has already been deleted.");
        }
        product->status = "trash";
        product->modified = std::max(product->modified, now);
        Fire("product.deleted", id, now);
        return parent == 0 ? RenderProductOf(*product) : RenderVariation(*product, Products());
    }
    if (WooProduct* owner = FindProduct(product->parent_id, 0); owner != nullptr) {
        auto& ids = owner->variations;
        ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    }
    for (int64_t child : std::vector<int64_t>(product->variations)) {
        products_.erase(child);
    }
    products_.erase(id);
    Fire("product.deleted", id, now);
    return rendered;
}

}  // namespace scs::sandbox::woocommerce
