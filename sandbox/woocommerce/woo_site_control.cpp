// WooSite: the /_sandbox control API's view of a site.
#include "core/money.hpp"
#include "sandbox/kit/order_request.hpp"
#include "sandbox/woocommerce/woo_site.hpp"
#include "sandbox/woocommerce/wp_format.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

constexpr size_t kMaxVariations = 100;

Error ToControlError(const WpError& error) {
    const ErrorCode code = error.status == 404 ? ErrorCode::kNotFound : ErrorCode::kBadRequest;
    return Error{code, error.code + ": " + error.message, {}, std::nullopt};
}

bool TakesStock(const std::string& status) {
    return status == "processing" || status == "completed";
}

// The dates a status implies for an order that is created in it.
void SetInitialStatus(WooOrder& order, const std::string& status, TimePoint now) {
    order.status = status;
    if (status == "processing" || status == "completed") {
        order.paid = order.paid ? order.paid : now;
    } else {
        order.paid.reset();
    }
    order.completed = status == "completed" ? std::optional<TimePoint>(now) : std::nullopt;
}

// The stored REST fields a control-API order may set directly.
void CopyDirectFields(WooOrder& order, const json::object& input) {
    for (const char* key : {"currency",
                            "discount_total",
                            "discount_tax",
                            "shipping_total",
                            "shipping_tax",
                            "cart_tax",
                            "total",
                            "total_tax",
                            "number",
                            "created_via",
                            "shipping_lines",
                            "coupon_lines",
                            "fee_lines",
                            "tax_lines"}) {
        if (const auto* value = input.if_contains(key)) {
            order.fields[key] = *value;
        }
    }
    if (const auto* currency = input.if_contains("currency"); currency && currency->is_string()) {
        order.exponent = CurrencyExponent(currency->get_string()).value_or(order.exponent);
    }
}

Result<int64_t> StockOf(const json::object& body) {
    const auto* stock = body.if_contains("stock");
    if (stock == nullptr) {
        return int64_t{0};
    }
    if (!stock->is_int64()) {
        return FailField("stock", "must be an integer");
    }
    return stock->get_int64();
}

// The REST body that creates one variation of POST …/products {"variations":[{sku, stock}]}.
Result<json::object> VariationBody(const json::value& entry) {
    const json::object input = entry.is_object() ? entry.get_object() : json::object{};
    auto stock = StockOf(input);
    if (!stock) {
        return tl::unexpected(stock.error());
    }
    json::object body{{"manage_stock", true}, {"stock_quantity", *stock}};
    for (const char* key : {"sku", "regular_price"}) {
        if (const auto* value = input.if_contains(key)) {
            body[key] = *value;
        }
    }
    json::value option = input.contains("sku") ? input.at("sku") : json::value("");
    if (const auto* given = input.if_contains("option"); given && given->is_string()) {
        option = *given;
    }
    body["attributes"] = json::array{{{"name", "Option"}, {"option", option}}};
    return body;
}

}  // namespace

Result<json::array> WooSite::AddOrders(const json::object& body, TimePoint now) {
    const std::lock_guard lock(mutex_);
    std::vector<int64_t> created;
    auto request = ParseOrderRequest(body, "WooCommerce's REST order shape");
    if (!request) {
        return tl::unexpected(request.error());
    }
    if (request->order) {
        json::object input = std::move(*request->order);
        WooOrder order = StoreGeneratedOrder(now);
        ParamErrors errors;
        RestRequest reader;
        reader.body = input;
        const std::string status =
            ReadEnum(reader, "status", OrderStatuses(), order.status, errors);
        if (!errors.Empty()) {
            orders_.erase(order.id);
            return tl::unexpected(ToControlError(errors.ToError()));
        }
        input.erase("status");
        order.refunds.clear();  // the generated base's history is not the caller's order
        CopyDirectFields(order, input);
        if (input.contains("line_items")) {
            order.fields["line_items"] = json::array{};
        }
        if (auto applied = ApplyOrderFields(order, input, now); !applied) {
            orders_.erase(order.id);
            return tl::unexpected(ToControlError(applied.error()));
        }
        SetInitialStatus(order, status, now);
        orders_[order.id] = order;
        created.push_back(order.id);
    } else {
        for (int64_t i = 0; i < request->count; ++i) {
            created.push_back(StoreGeneratedOrder(now).id);
        }
    }
    json::array rendered;
    for (int64_t id : created) {
        WooOrder& order = orders_[id];
        if (TakesStock(order.status) && !order.stock_reduced) {
            AdjustStock(order, -1, now);
            order.stock_reduced = true;
        }
        FireOrderCreated(id, now);
        rendered.push_back(RenderOrder(order, View()));
    }
    return rendered;
}

Result<json::object> WooSite::PatchOrder(int64_t id, const json::object& body, TimePoint now) {
    auto updated = UpdateOrder(id, body, now);
    if (!updated) {
        if (updated.error().code == "woocommerce_rest_shop_order_invalid_id") {
            return Fail(ErrorCode::kNotFound, "no order " + std::to_string(id));
        }
        return tl::unexpected(ToControlError(updated.error()));
    }
    return std::move(*updated);
}

std::optional<json::object> WooSite::ControlOrder(int64_t id) const {
    auto order = GetOrder(id);
    if (!order) {
        return std::nullopt;
    }
    auto notes = ListNotes(id, "any");
    auto refunds = ListRefunds(id);
    auto trackings = ListTrackings(id);
    return json::object{{"order", std::move(*order)},
                        {"notes", notes ? std::move(*notes) : json::array{}},
                        {"trackings", trackings ? std::move(*trackings) : json::array{}},
                        {"refunds", refunds ? std::move(*refunds) : json::array{}}};
}

Result<json::object> WooSite::AddProduct(const json::object& body, TimePoint now) {
    const auto* type = body.if_contains("type");
    const bool variable = type != nullptr && type->is_string() && type->get_string() == "variable";
    if (type != nullptr && !variable && !(type->is_string() && type->get_string() == "simple")) {
        return FailField("type", R"(must be "simple" or "variable")");
    }
    const auto* variations = body.if_contains("variations");
    if (variations != nullptr &&
        (!variations->is_array() || variations->get_array().size() > kMaxVariations)) {
        return FailField("variations", "must be a list of at most 100 {sku, stock}");
    }
    auto stock = StockOf(body);
    if (!stock) {
        return tl::unexpected(stock.error());
    }
    json::object product_body{{"type", variable ? "variable" : "simple"}};
    for (const char* key : {"name", "sku", "regular_price"}) {
        if (const auto* value = body.if_contains(key)) {
            product_body[key] = *value;
        }
    }
    if (!variable) {
        product_body["manage_stock"] = true;
        product_body["stock_quantity"] = *stock;
    }
    auto created = CreateProduct(product_body, 0, now);
    if (!created) {
        return tl::unexpected(ToControlError(created.error()));
    }
    const int64_t product_id = created->at("id").as_int64();
    json::array made;
    for (const auto& entry : variations != nullptr ? variations->get_array() : json::array{}) {
        auto variation_body = VariationBody(entry);
        if (!variation_body) {
            return tl::unexpected(variation_body.error());
        }
        auto variation = CreateProduct(*variation_body, product_id, now);
        if (!variation) {
            return tl::unexpected(ToControlError(variation.error()));
        }
        made.push_back({{"variation_id", variation->at("id")}, {"sku", variation->at("sku")}});
    }
    return json::object{
        {"product_id", product_id}, {"sku", created->at("sku")}, {"variations", std::move(made)}};
}

json::object WooSite::Inventory() const {
    const std::lock_guard lock(mutex_);
    json::array levels;
    for (const auto& [id, product] : products_) {
        if (product.type == "variable") {
            continue;
        }
        const bool variation = product.type == "variation";
        levels.push_back({{"sku", product.sku},
                          {"product_id", variation ? product.parent_id : product.id},
                          {"variation_id", variation ? product.id : 0},
                          {"manage_stock", product.manage_stock},
                          {"stock_quantity",
                           product.stock_quantity ? json::value(*product.stock_quantity) : nullptr},
                          {"stock_status", product.stock_status},
                          {"date_modified_gmt", WpDate(product.modified, 0)}});
    }
    return {{"levels", std::move(levels)}};
}

json::object WooSite::Describe() const {
    const std::lock_guard lock(mutex_);
    return {
        {"id", id_},
        {"platform", "woocommerce"},
        {"site", spec_.site},
        {"base_url", store_url_},
        {"consumer_key", spec_.consumer_key},
        {"consumer_secret", spec_.consumer_secret},
        {"permissions", spec_.permissions},
        {"ssl", spec_.ssl},
        {"shipment_tracking", spec_.shipment_tracking},
        {"allow_http_callback", spec_.allow_http_callback},
        {"timezone", spec_.timezone},
        {"currency", spec_.currency.empty() ? json::value("mixed") : json::value(spec_.currency)},
        {"orders", orders_.size()},
        {"products", products_.size()},
        {"knobs", SiteKnobsToJson(knobs_)}};
}

json::object WooSite::Stats() const {
    const std::lock_guard lock(mutex_);
    json::object by_route;
    for (const auto& [route, statuses] : requests_) {
        json::object counts;
        for (const auto& [status, n] : statuses) {
            counts[status] = n;
        }
        by_route[route] = std::move(counts);
    }
    json::object stats{{"by_route", std::move(by_route)},
                       {"orders", orders_.size()},
                       {"products", products_.size()},
                       {"webhooks", webhooks_.size()}};
    for (const char* name : {"requests",
                             "batch_calls",
                             "notes",
                             "trackings",
                             "refunds",
                             "pings",
                             "deliveries",
                             "faults",
                             "key_exchanges"}) {
        const auto found = counters_.find(name);
        stats[name] = found == counters_.end() ? 0 : found->second;
    }
    return stats;
}

json::object WooSite::WebhooksJson() const {
    const std::lock_guard lock(mutex_);
    json::array webhooks;
    for (const auto& [id, webhook] : webhooks_) {
        webhooks.push_back({{"id", id},
                            {"name", webhook.name},
                            {"topic", webhook.topic},
                            {"delivery_url", webhook.delivery_url},
                            {"status", webhook.health.status},
                            {"failure_count", webhook.health.failure_count},
                            {"secret", webhook.secret}});
    }
    return {{"webhooks", std::move(webhooks)}, {"deliveries", delivery_log_}, {"pings", ping_log_}};
}

}  // namespace scs::sandbox::woocommerce
