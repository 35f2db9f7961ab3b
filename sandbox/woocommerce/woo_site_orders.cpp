// WooSite: orders over REST, their status transitions and stock.
#include <algorithm>
#include <cctype>

#include "core/money.hpp"
#include "sandbox/woocommerce/order_edit.hpp"
#include "sandbox/woocommerce/woo_site.hpp"
#include "sandbox/woocommerce/wp_format.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

WpError InvalidOrderId(int status) {
    return WpError{status, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.", {}, {}};
}

std::string Lower(std::string_view text) {
    std::string lower(text);
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower;
}

std::string TextAt(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

bool MatchesSearch(const WooOrder& order, const std::string& search) {
    if (search.empty()) {
        return true;
    }
    const std::string needle = Lower(search);
    std::string haystack = std::to_string(order.id);
    if (const auto* billing = order.fields.if_contains("billing");
        billing && billing->is_object()) {
        for (const char* key : {"first_name", "last_name", "email", "phone", "company"}) {
            haystack += " " + TextAt(billing->get_object(), key);
        }
    }
    if (const auto* lines = order.fields.if_contains("line_items"); lines && lines->is_array()) {
        for (const auto& line : lines->get_array()) {
            haystack += " " + TextAt(line.as_object(), "name");
        }
    }
    return Lower(haystack).find(needle) != std::string::npos;
}

bool Contains(const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool MatchesStatus(const WooOrder& order, const std::vector<std::string>& statuses) {
    const bool any =
        statuses.empty() || std::find(statuses.begin(), statuses.end(), "any") != statuses.end();
    if (any) {
        return order.status != "trash";
    }
    return std::find(statuses.begin(), statuses.end(), order.status) != statuses.end();
}

bool MatchesDates(const WooOrder& order, const OrderQuery& query) {
    return (!query.after || order.created > *query.after) &&
           (!query.before || order.created < *query.before) &&
           (!query.modified_after || order.modified > *query.modified_after) &&
           (!query.modified_before || order.modified < *query.modified_before);
}

bool Matches(const WooOrder& order, const OrderQuery& query) {
    const auto& paging = query.paging;
    return MatchesStatus(order, query.statuses) && MatchesDates(order, query) &&
           (paging.include.empty() || Contains(paging.include, order.id)) &&
           !Contains(paging.exclude, order.id) && MatchesSearch(order, paging.search);
}

// The sort key of an order under `orderby`, ties broken by id.
std::pair<int64_t, int64_t> SortKey(const WooOrder& order, const CollectionParams& paging) {
    if (paging.orderby == "id") {
        return {order.id, order.id};
    }
    if (paging.orderby == "modified") {
        return {ToUnixMillis(order.modified), order.id};
    }
    if (paging.orderby == "include") {
        const auto at = std::find(paging.include.begin(), paging.include.end(), order.id);
        return {at - paging.include.begin(), order.id};
    }
    return {ToUnixMillis(order.created), order.id};
}

json::object EmptyAddress(bool billing) {
    json::object address{{"first_name", ""},
                         {"last_name", ""},
                         {"company", ""},
                         {"address_1", ""},
                         {"address_2", ""},
                         {"city", ""},
                         {"state", ""},
                         {"postcode", ""},
                         {"country", ""}};
    if (billing) {
        address["email"] = "";
    }
    address["phone"] = "";
    return address;
}

bool TakesStock(const std::string& status) {
    return status == "processing" || status == "completed";
}

WpError FieldTypeError(const std::string& field, const std::string& type) {
    ParamErrors errors;
    errors.Add(field, field + " is not of type " + type + ".", "rest_invalid_type");
    return errors.ToError();
}

// billing/shipping merges and the plain fields an order write may change.
WpResult<bool> CopyOrderFields(WooOrder& order, const json::object& body) {
    for (const char* key : {"billing", "shipping"}) {
        const auto* patch = body.if_contains(key);
        if (patch == nullptr) {
            continue;
        }
        if (!patch->is_object()) {
            return tl::unexpected(FieldTypeError(key, "object"));
        }
        auto& target = order.fields[key];
        if (!target.is_object()) {
            target = json::object{};
        }
        MergeObject(target.as_object(), patch->get_object());
    }
    for (const char* key :
         {"customer_note", "payment_method", "payment_method_title", "transaction_id"}) {
        if (const auto* value = body.if_contains(key); value != nullptr && value->is_string()) {
            order.fields[key] = *value;
        }
    }
    if (const auto* customer = body.if_contains("customer_id"); customer && customer->is_int64()) {
        order.fields["customer_id"] = customer->get_int64();
    }
    return true;
}

}  // namespace

ListPage WooSite::ListOrders(const OrderQuery& query) const {
    const std::lock_guard lock(mutex_);
    std::vector<const WooOrder*> matched;
    for (const auto& [id, order] : orders_) {
        if (Matches(order, query)) {
            matched.push_back(&order);
        }
    }
    const bool ascending = query.paging.order == "asc";
    std::stable_sort(matched.begin(), matched.end(), [&](const WooOrder* a, const WooOrder* b) {
        const auto key_a = SortKey(*a, query.paging);
        const auto key_b = SortKey(*b, query.paging);
        return ascending ? key_a < key_b : key_b < key_a;
    });
    ListPage page;
    page.window = ComputePageWindow(static_cast<int64_t>(matched.size()), query.paging);
    for (size_t i = page.window.begin; i < page.window.end; ++i) {
        page.items.push_back(RenderOrder(*matched[i], View()));
    }
    return page;
}

WpResult<json::object> WooSite::GetOrder(int64_t id) const {
    const std::lock_guard lock(mutex_);
    const WooOrder* order = FindOrder(id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrderId(404));
    }
    return RenderOrder(*order, View());
}

WpResult<json::object> WooSite::CreateOrder(const json::object& body, TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooOrder order;
    order.id = next_order_id_;
    order.created = order.modified = now;
    std::string currency = spec_.currency.empty() ? "SAR" : spec_.currency;
    if (const auto* given = body.if_contains("currency"); given && given->is_string()) {
        currency = std::string(given->get_string());
    }
    order.exponent = CurrencyExponent(currency).value_or(2);
    const std::string id_text = std::to_string(order.id);
    order.fields = {{"parent_id", 0},
                    {"currency", currency},
                    {"version", kWcVersion},
                    {"prices_include_tax", false},
                    {"customer_id", 0},
                    {"order_key", "wc_order_" + HexEncode(RandomBytes(7)).substr(0, 13)},
                    {"billing", EmptyAddress(true)},
                    {"shipping", EmptyAddress(false)},
                    {"payment_method", ""},
                    {"payment_method_title", ""},
                    {"transaction_id", ""},
                    {"customer_ip_address", ""},
                    {"customer_user_agent", ""},
                    {"created_via", "rest-api"},
                    {"customer_note", ""},
                    {"cart_hash", ""},
                    {"meta_data", json::array{}},
                    {"line_items", json::array{}},
                    {"tax_lines", json::array{}},
                    {"shipping_lines", json::array{}},
                    {"fee_lines", json::array{}},
                    {"coupon_lines", json::array{}}};
    RecomputeOrderTotals(order);
    if (auto applied = ApplyOrderFields(order, body, now); !applied) {
        return tl::unexpected(applied.error());
    }
    ++next_order_id_;
    const int64_t id = order.id;
    orders_[id] = std::move(order);
    FireOrderCreated(id, now);
    return RenderOrder(orders_[id], View());
}

WpResult<json::object> WooSite::UpdateOrder(int64_t id, const json::object& body, TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooOrder* stored = FindOrder(id);
    if (stored == nullptr) {
        return tl::unexpected(InvalidOrderId(400));
    }
    WooOrder order = *stored;
    const bool was_trashed = order.status == "trash";
    if (auto applied = ApplyOrderFields(order, body, now); !applied) {
        return tl::unexpected(applied.error());
    }
    order.modified = std::max(order.modified, now);
    *stored = std::move(order);
    if (was_trashed && stored->status != "trash") {
        Fire("order.restored", id, now);
    }
    Fire("order.updated", id, now);
    return RenderOrder(*stored, View());
}

WpResult<json::object> WooSite::DeleteOrder(int64_t id, bool force, TimePoint now) {
    const std::lock_guard lock(mutex_);
    WooOrder* order = FindOrder(id);
    if (order == nullptr) {
        return tl::unexpected(InvalidOrderId(404));
    }
    if (force) {
        json::object rendered = RenderOrder(*order, View());
        orders_.erase(id);
        Fire("order.deleted", id, now);
        return rendered;
    }
    if (order->status == "trash") {
        return WpFail(
            410, "woocommerce_rest_already_trashed", "The shop_order has already been deleted.");
    }
    order->status_before_trash = order->status;
    order->status = "trash";
    order->modified = std::max(order->modified, now);
    Fire("order.deleted", id, now);
    return RenderOrder(*order, View());
}

void WooSite::ApplyStatus(WooOrder& order, const std::string& status, TimePoint now) {
    if (status == order.status) {
        return;
    }
    const std::string from = order.status;
    order.status = status;
    if (status == "processing" || status == "completed") {
        order.paid = order.paid ? order.paid : now;
    }
    if (status == "completed") {
        order.completed = now;
    }
    AddSystemNote(
        order,
        "Order status changed from " + StatusLabel(from) + " to " + StatusLabel(status) + ".",
        now);
    if (TakesStock(status) && !order.stock_reduced) {
        AdjustStock(order, -1, now);
        order.stock_reduced = true;
    } else if ((status == "cancelled" || status == "pending") && order.stock_reduced) {
        AdjustStock(order, 1, now);
        order.stock_reduced = false;
    }
}

void WooSite::AddSystemNote(WooOrder& order, std::string text, TimePoint now) {
    order.notes.push_back(OrderNote{next_note_id_++, "system", now, std::move(text), false});
}

// Stock moves that orders cause go through wc_update_product_stock: the product's
// date_modified stays and no product webhook fires (platform notes B3).
void WooSite::AdjustStock(const WooOrder& order, int64_t sign, TimePoint /*now*/) {
    const auto* lines = order.fields.if_contains("line_items");
    if (lines == nullptr || !lines->is_array()) {
        return;
    }
    for (const auto& value : lines->get_array()) {
        const auto& line = value.as_object();
        const auto* variation = line.if_contains("variation_id");
        const auto* product = line.if_contains("product_id");
        int64_t id = variation != nullptr && variation->is_int64() ? variation->get_int64() : 0;
        id = id == 0 && product != nullptr && product->is_int64() ? product->get_int64() : id;
        WooProduct* target = FindProduct(id, 0);
        if (target != nullptr && target->stock_from_parent) {
            target = FindProduct(target->parent_id, 0);
        }
        const auto* quantity = line.if_contains("quantity");
        if (target == nullptr || !target->manage_stock || !target->stock_quantity ||
            quantity == nullptr || !quantity->is_int64()) {
            continue;
        }
        *target->stock_quantity += sign * quantity->get_int64();
        DeriveStockStatus(*target);
    }
}

WpResult<bool> WooSite::ApplyOrderFields(WooOrder& order, const json::object& body, TimePoint now) {
    ParamErrors errors;
    RestRequest reader;
    reader.body = body;
    const std::string status = ReadEnum(reader, "status", OrderStatuses(), order.status, errors);
    const bool set_paid = ReadBool(reader, "set_paid", false, errors);
    if (!errors.Empty()) {
        return tl::unexpected(errors.ToError());
    }
    if (auto copied = CopyOrderFields(order, body); !copied) {
        return copied;
    }
    if (const auto* meta = body.if_contains("meta_data"); meta && meta->is_array()) {
        UpsertMeta(order.fields["meta_data"].as_array(), meta->get_array(), next_item_id_);
    }
    if (const auto* lines = body.if_contains("line_items"); lines && lines->is_array()) {
        if (auto completed = CompleteLineItems(order, lines->get_array()); !completed) {
            return completed;
        }
        RecomputeOrderTotals(order);
    }
    ApplyStatus(order, set_paid && !body.contains("status") ? "processing" : status, now);
    if (set_paid) {
        order.paid = order.paid ? order.paid : now;
    }
    return true;
}

WpResult<bool> WooSite::CompleteLineItems(WooOrder& order, const json::array& lines) {
    if (!order.fields["line_items"].is_array()) {
        order.fields["line_items"] = json::array{};
    }
    auto& stored = order.fields["line_items"].as_array();
    for (const auto& value : lines) {
        if (!value.is_object()) {
            continue;
        }
        const auto& input = value.get_object();
        std::optional<LineProduct> known;
        const auto id_of = [&](const char* key) -> int64_t {
            const auto* v = input.if_contains(key);
            return v != nullptr && v->is_int64() ? v->get_int64() : 0;
        };
        const WooProduct* product = FindProduct(id_of("variation_id"), 0);
        product = product != nullptr ? product : FindProduct(id_of("product_id"), 0);
        product = product != nullptr ? product : FindBySku(TextAt(input, "sku"));
        if (product != nullptr) {
            const WooProduct* parent = FindProduct(product->parent_id, 0);
            known = LineProduct{product->parent_id != 0 ? product->parent_id : product->id,
                                product->parent_id != 0 ? product->id : 0,
                                product->name,
                                product->sku,
                                parent != nullptr ? parent->name : "",
                                product->option,
                                product->sale_price.value_or(product->regular_price)};
        }
        auto line = BuildLineItem(input, known, next_item_id_++, order.exponent);
        if (!line) {
            return tl::unexpected(line.error());
        }
        stored.push_back(std::move(*line));
    }
    return true;
}

void WooSite::FireOrderCreated(int64_t order_id, TimePoint now) {
    Fire("order.created", order_id, now);
    // The duplicate knob stands for WooCommerce's habit of firing created and updated for one
    // checkout (platform notes C.9).
    if (knobs_.duplicate_webhooks) {
        Fire("order.updated", order_id, now);
    }
}

}  // namespace scs::sandbox::woocommerce
