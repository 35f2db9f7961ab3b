#include "sandbox/woocommerce/woo_site.hpp"

#include <fmt/format.h>

#include "sandbox/generator/generator_catalogue.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {

WooSite::WooSite(
    std::string id, SiteSpec spec, std::string store_url, DeliveryQueue& deliveries, TimePoint now)
    : id_(std::move(id)),
      spec_(std::move(spec)),
      store_url_(std::move(store_url)),
      deliveries_(deliveries),
      salt_(HexEncode(RandomBytes(16))),
      created_second_(ToUnixMillis(now) / 1000),
      draw_state_(spec_.generator.seed) {
    keys_.Add(spec_.consumer_key, spec_.consumer_secret, spec_.permissions, "Sandbox key");
    SeedCatalogue(now);
    SeedOrders(now);
}

void WooSite::SeedCatalogue(TimePoint now) {
    const PriceBasis basis = PriceBasisOf(spec_.currency);
    const auto& catalogue = sandbox::Products();
    for (size_t p = 0; p < catalogue.size(); ++p) {
        const auto product_no = static_cast<int64_t>(p);
        WooProduct parent;
        parent.id = CatalogueProductPostId(product_no);
        parent.type = "variable";
        parent.name = std::string(catalogue[p].title);
        parent.sku = fmt::format("SKU-{}", 100 + product_no);
        parent.regular_price = ShopPrice(basis, catalogue[p].usd_cents);
        parent.created = parent.modified = now;
        for (size_t v = 0; v < catalogue[p].variants.size(); ++v) {
            const auto variant_no = static_cast<int64_t>(v);
            WooProduct variation;
            variation.id = CatalogueVariationPostId(product_no, variant_no);
            variation.parent_id = parent.id;
            variation.type = "variation";
            variation.name = parent.name + " - " + std::string(catalogue[p].variants[v]);
            variation.option = std::string(catalogue[p].variants[v]);
            variation.sku = CatalogueSku(product_no, variant_no);
            variation.regular_price = parent.regular_price;
            variation.manage_stock = true;
            variation.stock_quantity = spec_.initial_stock;
            variation.created = variation.modified = now;
            DeriveStockStatus(variation);
            parent.variations.push_back(variation.id);
            products_[variation.id] = std::move(variation);
        }
        products_[parent.id] = std::move(parent);
    }
    for (int64_t i = 0; i < spec_.products; ++i) {
        WooProduct simple;
        simple.id = next_product_id_++;
        simple.name = i % 2 == 0 ? fmt::format("Sandbox Product {}", i + 1)
                                 : fmt::format("منتج تجريبي {}", i + 1);
        simple.sku = fmt::format("WOO-{}", 1000 + i);
        simple.regular_price = ShopPrice(basis, 1000 + 250 * (i % 8));
        simple.manage_stock = true;
        simple.stock_quantity = spec_.initial_stock;
        simple.created = simple.modified = now;
        DeriveStockStatus(simple);
        products_[simple.id] = std::move(simple);
    }
}

void WooSite::SeedOrders(TimePoint /*now*/) {
    for (int64_t i = 0; i < spec_.orders; ++i) {
        StoreGeneratedOrder(std::nullopt);
    }
}

WooOrder& WooSite::StoreGeneratedOrder(std::optional<TimePoint> placed_at) {
    WooOrder order = RenderGeneratedOrder(
        GenerateOrder(spec_.generator, generated_++, placed_at), next_order_id_++, next_item_id_);
    if (order.status == "refunded") {
        OrderRefund refund;
        refund.id = next_order_id_++;
        refund.created = order.modified;
        refund.amount = OrderTotal(order);
        refund.reason = "Order cancelled";
        refund.refunded_by = 1;
        refund.refunded_payment = true;
        order.refunds.push_back(std::move(refund));
    }
    const int64_t id = order.id;
    return orders_[id] = std::move(order);
}

ProductView WooSite::Products() const {
    return ProductView{store_url_, spec_.utc_offset_minutes, PriceBasisOf(spec_.currency).exponent};
}

WooOrder* WooSite::FindOrder(int64_t id) {
    const auto found = orders_.find(id);
    return found == orders_.end() ? nullptr : &found->second;
}

const WooOrder* WooSite::FindOrder(int64_t id) const {
    const auto found = orders_.find(id);
    return found == orders_.end() ? nullptr : &found->second;
}

WooProduct* WooSite::FindProduct(int64_t id, int64_t parent) {
    const auto found = products_.find(id);
    if (found == products_.end() || (parent != 0 && found->second.parent_id != parent)) {
        return nullptr;
    }
    return &found->second;
}

const WooProduct* WooSite::FindProduct(int64_t id, int64_t parent) const {
    const auto found = products_.find(id);
    if (found == products_.end() || (parent != 0 && found->second.parent_id != parent)) {
        return nullptr;
    }
    return &found->second;
}

const WooProduct* WooSite::FindBySku(const std::string& sku) const {
    for (const auto& [id, product] : products_) {
        if (!sku.empty() && product.sku == sku) {
            return &product;
        }
    }
    return nullptr;
}

double WooSite::NextUnitDraw() {
    uint64_t z = (draw_state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return static_cast<double>((z ^ (z >> 31U)) >> 11U) / static_cast<double>(1ULL << 53U);
}

}  // namespace scs::sandbox::woocommerce
