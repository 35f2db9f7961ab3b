#include <boost/json/value.hpp>

#include "connectors/woocommerce/woocommerce_json_dialect.hpp"
#include "connectors/woocommerce/woocommerce_mapping.hpp"

namespace scs {
namespace {

namespace json = boost::json;
using woocommerce::JsonReader;

// What the listings of one product share.
struct ProductFacts {
    std::string id;
    std::string name;
    std::string type;
    std::string sku;
    bool manage_stock = false;
};

// manage_stock: true or false; on a variation also "parent" (stock kept on the product), which
// means the product's own manage_stock. Absent or null reads as false (WooCommerce's default).
bool ReadManageStock(JsonReader& reader, const json::object& object, std::optional<bool> parent) {
    const auto* value = object.if_contains("manage_stock");
    if (value == nullptr || value->is_null()) {
        return false;
    }
    if (value->is_bool()) {
        return value->get_bool();
    }
    if (parent && value->is_string() && value->get_string() == "parent") {
        return *parent;
    }
    reader.Fail("manage_stock",
                parent ? "must be true, false or \"parent\"" : "must be true or false");
    return false;
}

// "Black / M" from the variation's attribute options, "" when it has none.
std::string VariantTitle(JsonReader& variation) {
    std::string title;
    for (auto& attribute : variation.Objects("attributes")) {
        const std::string option = attribute.OptionalString("option").value_or("");
        if (!option.empty()) {
            title += (title.empty() ? "" : " / ") + option;
        }
    }
    return title;
}

std::string ListingTitle(const std::string& product, const std::string& variant) {
    if (variant.empty()) {
        return product;
    }
    return product.empty() ? variant : product + " / " + variant;
}

Listing ReadVariation(JsonReader& variation,
                      const json::object& object,
                      const ProductFacts& product) {
    Listing listing;
    listing.product_id = product.id;
    listing.variant_id = variation.Id("id");
    listing.inventory_item_id = product.id + "/" + listing.variant_id;
    listing.sku = variation.OptionalString("sku").value_or("");
    listing.title = ListingTitle(product.name, VariantTitle(variation));
    listing.tracked = ReadManageStock(variation, object, product.manage_stock);
    return listing;
}

std::vector<Listing> ReadVariations(JsonReader& product_reader,
                                    const ProductFacts& product,
                                    const json::value& variations,
                                    std::optional<Error>& first_error) {
    std::vector<Listing> listings;
    if (!variations.is_array()) {
        product_reader.Fail("variations",
                            "must be the array of GET /products/" + product.id + "/variations");
        return listings;
    }
    const auto& array = variations.get_array();
    for (size_t i = 0; i < array.size(); ++i) {
        const std::string path = "variations[" + std::to_string(i) + "]";
        if (!array[i].is_object()) {
            product_reader.Fail(path, "must be an object");
            return {};
        }
        JsonReader variation(
            array[i].get_object(), path, woocommerce::kProductDialect, first_error);
        listings.push_back(ReadVariation(variation, array[i].get_object(), product));
    }
    return listings;
}

ProductFacts ReadProduct(JsonReader& reader, const json::object& object) {
    ProductFacts product;
    product.id = reader.Id("id");
    product.name = reader.OptionalString("name").value_or("");
    product.type = reader.OptionalString("type").value_or("simple");
    product.sku = reader.OptionalString("sku").value_or("");
    product.manage_stock = ReadManageStock(reader, object, std::nullopt);
    return product;
}

// "variable", and an extension's variable kinds such as WooCommerce Subscriptions'
// "variable-subscription": sold through their variations.
bool HasVariations(std::string_view type) {
    return type == "variable" || type.substr(0, 9) == "variable-";
}

}  // namespace

Result<std::vector<Listing>> MapWooCommerceProduct(const json::value& product,
                                                   const json::value& variations) {
    if (!product.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "woocommerce product: not a JSON object");
    }
    std::optional<Error> first_error;
    JsonReader reader(product.get_object(), "", woocommerce::kProductDialect, first_error);
    const ProductFacts facts = ReadProduct(reader, product.get_object());
    std::vector<Listing> listings;
    if (HasVariations(facts.type)) {
        listings = ReadVariations(reader, facts, variations, first_error);
    } else if (facts.type != "grouped" && facts.type != "external") {
        // The listing table is keyed by variant: a simple product is its own one variant (product
        // and variation ids share WordPress's post id sequence, so they never collide).
        listings.push_back(
            Listing{facts.sku, facts.id, facts.id, facts.id, facts.name, facts.manage_stock});
    }
    if (first_error) {
        return tl::unexpected(std::move(*first_error));
    }
    return listings;
}

}  // namespace scs
