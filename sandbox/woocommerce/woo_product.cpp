#include "sandbox/woocommerce/woo_product.hpp"

#include <algorithm>
#include <cctype>

#include <boost/json/array.hpp>

#include "sandbox/woocommerce/rest_request.hpp"
#include "sandbox/woocommerce/wp_format.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

std::string Slug(const std::string& name) {
    std::string slug;
    for (char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0) {
            slug.push_back(static_cast<char>(std::tolower(byte)));
        } else if (byte >= 0x80) {
            slug.push_back(c);
        } else if (!slug.empty() && slug.back() != '-') {
            slug.push_back('-');
        }
    }
    while (!slug.empty() && slug.back() == '-') {
        slug.pop_back();
    }
    return slug;
}

std::string PriceText(const std::optional<int64_t>& minor, int exponent) {
    return minor ? WcPrice(*minor, exponent) : "";
}

int64_t CurrentPrice(const WooProduct& product) {
    return product.sale_price ? *product.sale_price : product.regular_price;
}

json::value ManageStockValue(const WooProduct& product) {
    if (product.stock_from_parent) {
        return "parent";
    }
    return product.manage_stock;
}

json::value Quantity(const WooProduct& product) {
    return product.stock_quantity ? json::value(*product.stock_quantity) : json::value(nullptr);
}

json::object Link(const std::string& href) {
    return {{"href", href}};
}

json::array Attributes(const WooProduct& product) {
    if (product.type == "variation") {
        return {{{"id", 0}, {"name", "Option"}, {"option", product.option}}};
    }
    return {};
}

// Reads a non-negative integer field; a type error names the field as WordPress does.
WpResult<std::optional<int64_t>> IntField(const json::object& body, std::string_view key) {
    const auto* value = body.if_contains(key);
    if (value == nullptr) {
        return std::optional<int64_t>{};
    }
    if (value->is_int64()) {
        return std::optional<int64_t>{value->get_int64()};
    }
    if (value->is_string()) {
        const std::string text(value->get_string());
        if (!text.empty() && text.find_first_not_of("-0123456789") == std::string::npos) {
            return std::optional<int64_t>{std::stoll(text)};
        }
    }
    if (value->is_null()) {
        return std::optional<int64_t>{};
    }
    ParamErrors errors;
    errors.Add(
        std::string(key), std::string(key) + " is not of type integer.", "rest_invalid_type");
    return tl::unexpected(errors.ToError());
}

WpError TypeError(std::string_view key, std::string_view type) {
    ParamErrors errors;
    errors.Add(std::string(key),
               std::string(key) + " is not of type " + std::string(type) + ".",
               "rest_invalid_type");
    return errors.ToError();
}

WpError EnumError(std::string_view key, const std::vector<std::string>& allowed) {
    ParamErrors errors;
    errors.Add(std::string(key),
               std::string(key) + " is not one of " + WpList(allowed) + ".",
               "rest_not_in_enum");
    return errors.ToError();
}

// A string field from `allowed` (any string when empty); `out` unchanged when absent.
WpResult<bool> StringField(const json::object& body,
                           std::string_view key,
                           const std::vector<std::string>& allowed,
                           std::string& out) {
    const auto* value = body.if_contains(key);
    if (value == nullptr) {
        return false;
    }
    if (!value->is_string()) {
        return tl::unexpected(TypeError(key, "string"));
    }
    const std::string text(value->get_string());
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
        return tl::unexpected(EnumError(key, allowed));
    }
    out = text;
    return true;
}

WpResult<bool> PriceField(const json::object& body,
                          std::string_view key,
                          int exponent,
                          std::optional<int64_t>& out) {
    const auto* value = body.if_contains(key);
    if (value == nullptr) {
        return false;
    }
    if (value->is_string() && value->get_string().empty()) {
        out.reset();
        return true;
    }
    const auto price = ParseWcPrice(*value, exponent);
    if (!value->is_string() || !price) {
        return tl::unexpected(TypeError(key, "string"));
    }
    out = price;
    return true;
}

WpResult<bool> ApplyStockFields(WooProduct& product, const json::object& body) {
    if (const auto* manage = body.if_contains("manage_stock"); manage != nullptr) {
        if (manage->is_string() && manage->get_string() == "parent" &&
            product.type == "variation") {
            product.stock_from_parent = true;
            product.manage_stock = false;
        } else if (manage->is_bool()) {
            product.manage_stock = manage->get_bool();
            product.stock_from_parent = false;
        } else {
            return tl::unexpected(TypeError("manage_stock", "boolean"));
        }
    }
    auto quantity = IntField(body, "stock_quantity");
    if (!quantity) {
        return tl::unexpected(quantity.error());
    }
    // Without managed stock WooCommerce ignores stock_quantity and stores none.
    if (!product.manage_stock) {
        product.stock_quantity.reset();
    } else if (*quantity) {
        product.stock_quantity = **quantity;
    } else if (!product.stock_quantity) {
        product.stock_quantity = 0;
    }
    for (auto read :
         {StringField(
              body, "stock_status", {"instock", "outofstock", "onbackorder"}, product.stock_status),
          StringField(body, "backorders", {"no", "notify", "yes"}, product.backorders)}) {
        if (!read) {
            return read;
        }
    }
    DeriveStockStatus(product);
    return true;
}

}  // namespace

json::object RenderProduct(const WooProduct& product, const ProductView& view) {
    const int offset = view.utc_offset_minutes;
    const std::string collection = view.store_url + "/wp-json/wc/v3/products";
    json::array variations;
    for (int64_t id : product.variations) {
        variations.push_back(id);
    }
    return {{"id", product.id},
            {"name", product.name},
            {"slug", Slug(product.name)},
            {"permalink", view.store_url + "/product/" + Slug(product.name) + "/"},
            {"date_created", WpDate(product.created, offset)},
            {"date_created_gmt", WpDate(product.created, 0)},
            {"date_modified", WpDate(product.modified, offset)},
            {"date_modified_gmt", WpDate(product.modified, 0)},
            {"type", product.type},
            {"status", product.status},
            {"featured", false},
            {"catalog_visibility", "visible"},
            {"description", ""},
            {"short_description", ""},
            {"sku", product.sku},
            {"price", WcPrice(CurrentPrice(product), view.exponent)},
            {"regular_price", WcPrice(product.regular_price, view.exponent)},
            {"sale_price", PriceText(product.sale_price, view.exponent)},
            {"on_sale", product.sale_price.has_value()},
            {"purchasable", product.status == "publish"},
            {"total_sales", 0},
            {"virtual", false},
            {"downloadable", false},
            {"tax_status", "taxable"},
            {"tax_class", ""},
            {"manage_stock", ManageStockValue(product)},
            {"stock_quantity", Quantity(product)},
            {"stock_status", product.stock_status},
            {"backorders", product.backorders},
            {"backorders_allowed", product.backorders != "no"},
            {"backordered", false},
            {"low_stock_amount", nullptr},
            {"parent_id", product.parent_id},
            {"attributes", Attributes(product)},
            {"variations", std::move(variations)},
            {"meta_data", json::array{}},
            {"_links",
             {{"self", json::array{Link(collection + "/" + std::to_string(product.id))}},
              {"collection", json::array{Link(collection)}}}}};
}

json::object RenderVariation(const WooProduct& variation, const ProductView& view) {
    const int offset = view.utc_offset_minutes;
    const std::string collection = view.store_url + "/wp-json/wc/v3/products/" +
                                   std::to_string(variation.parent_id) + "/variations";
    return {{"id", variation.id},
            {"date_created", WpDate(variation.created, offset)},
            {"date_created_gmt", WpDate(variation.created, 0)},
            {"date_modified", WpDate(variation.modified, offset)},
            {"date_modified_gmt", WpDate(variation.modified, 0)},
            {"description", ""},
            {"permalink", view.store_url + "/?p=" + std::to_string(variation.id)},
            {"sku", variation.sku},
            {"price", WcPrice(CurrentPrice(variation), view.exponent)},
            {"regular_price", WcPrice(variation.regular_price, view.exponent)},
            {"sale_price", PriceText(variation.sale_price, view.exponent)},
            {"on_sale", variation.sale_price.has_value()},
            {"status", variation.status},
            {"purchasable", variation.status == "publish"},
            {"virtual", false},
            {"downloadable", false},
            {"tax_status", "taxable"},
            {"tax_class", ""},
            {"manage_stock", ManageStockValue(variation)},
            {"stock_quantity", Quantity(variation)},
            {"stock_status", variation.stock_status},
            {"backorders", variation.backorders},
            {"backorders_allowed", variation.backorders != "no"},
            {"backordered", false},
            {"attributes", Attributes(variation)},
            {"menu_order", 0},
            {"meta_data", json::array{}},
            {"_links",
             {{"self", json::array{Link(collection + "/" + std::to_string(variation.id))}},
              {"collection", json::array{Link(collection)}},
              {"up",
               json::array{Link(view.store_url + "/wp-json/wc/v3/products/" +
                                std::to_string(variation.parent_id))}}}}};
}

WpResult<WooProduct> ApplyProductWrite(WooProduct product, const json::object& body, int exponent) {
    std::optional<int64_t> regular = product.regular_price;
    for (auto read :
         {StringField(body, "name", {}, product.name),
          StringField(body, "sku", {}, product.sku),
          StringField(body, "status", {"draft", "pending", "private", "publish"}, product.status),
          PriceField(body, "regular_price", exponent, regular),
          PriceField(body, "sale_price", exponent, product.sale_price)}) {
        if (!read) {
            return tl::unexpected(read.error());
        }
    }
    product.regular_price = regular.value_or(0);
    if (auto stock = ApplyStockFields(product, body); !stock) {
        return tl::unexpected(stock.error());
    }
    return product;
}

void DeriveStockStatus(WooProduct& product) {
    if (!product.manage_stock || !product.stock_quantity) {
        return;
    }
    if (*product.stock_quantity > 0) {
        product.stock_status = "instock";
    } else {
        product.stock_status = product.backorders == "no" ? "outofstock" : "onbackorder";
    }
}

}  // namespace scs::sandbox::woocommerce
