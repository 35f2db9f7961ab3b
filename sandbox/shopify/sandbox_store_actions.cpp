// SandboxStore: fulfilment, cancel (an asynchronous job) and close of orders.
#include <algorithm>
#include <cctype>

#include <boost/json/serialize.hpp>

#include "sandbox/shopify/rest_format.hpp"
#include "sandbox/shopify/sandbox_store.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

std::string GidTail(std::string_view gid) {
    return std::string(gid.substr(gid.rfind('/') + 1));
}

std::string ArgText(const json::object& args, std::string_view key) {
    const auto* value = args.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

bool IsSet(const json::object& order, std::string_view key) {
    const auto* value = order.if_contains(key);
    return value != nullptr && !value->is_null();
}

bool HasFulfillments(const json::object& order) {
    const auto* list = order.if_contains("fulfillments");
    return list != nullptr && list->is_array() && !list->get_array().empty();
}

std::string LowerAscii(std::string text) {
    for (auto& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

json::object FulfillmentUserErrors(const std::string& message) {
    return {
        {"fulfillment", nullptr},
        {"userErrors", json::array{{{"field", json::array{"fulfillment"}}, {"message", message}}}}};
}

// FulfillmentInput.lineItemsByFulfillmentOrder as requests.
std::vector<FulfilmentRequest> ReadRequests(const json::object& input) {
    std::vector<FulfilmentRequest> requests;
    const auto* groups = input.if_contains("lineItemsByFulfillmentOrder");
    for (const auto& group :
         groups != nullptr && groups->is_array() ? groups->get_array() : json::array{}) {
        const auto* object = group.if_object();
        if (object == nullptr) {
            continue;
        }
        FulfilmentRequest request{
            GidNumber(ArgText(*object, "fulfillmentOrderId"), "FulfillmentOrder"), std::nullopt};
        if (const auto* lines = object->if_contains("fulfillmentOrderLineItems");
            lines != nullptr && lines->is_array()) {
            request.lines.emplace();
            for (const auto& line : lines->get_array()) {
                const auto* item = line.if_object();
                const auto* quantity = item != nullptr ? item->if_contains("quantity") : nullptr;
                request.lines->emplace_back(
                    item != nullptr ? GidNumber(ArgText(*item, "id"), "FulfillmentOrderLineItem")
                                    : 0,
                    quantity != nullptr && quantity->is_int64() ? quantity->get_int64() : 0);
            }
        }
        requests.push_back(std::move(request));
    }
    return requests;
}

json::object TrackingNode(const json::object& rest_fulfillment) {
    return {{"number", rest_fulfillment.at("tracking_number")},
            {"company", rest_fulfillment.at("tracking_company")},
            {"url", rest_fulfillment.at("tracking_url")}};
}

}  // namespace

void SandboxStore::SettleDueJobs(TimePoint now) {
    const std::lock_guard lock(mutex_);
    for (auto& [id, job] : jobs_) {
        if (!job.done && job.due <= now) {
            job.done = true;
            CompleteCancel(job, now);
        }
    }
}

json::array SandboxStore::FulfillmentOrderNodes(const std::string& order_id) const {
    const std::lock_guard lock(mutex_);
    json::array nodes;
    const auto found = fulfillment_orders_.find(order_id);
    for (const auto& order :
         found != fulfillment_orders_.end() ? found->second : std::vector<FulfillmentOrder>{}) {
        nodes.push_back(FulfillmentOrderNode(order));
    }
    return nodes;
}

std::optional<json::object> SandboxStore::ControlOrder(const std::string& order_id) const {
    const std::lock_guard lock(mutex_);
    auto order = book_.Find(order_id);
    if (!order) {
        return std::nullopt;
    }
    json::array fulfillment_orders;
    if (const auto found = fulfillment_orders_.find(order_id); found != fulfillment_orders_.end()) {
        for (const auto& fulfillment_order : found->second) {
            fulfillment_orders.push_back(FulfillmentOrderJson(fulfillment_order));
        }
    }
    return json::object{{"order", std::move(*order)},
                        {"fulfillment_orders", std::move(fulfillment_orders)}};
}

json::object SandboxStore::CreateFulfillment(const json::object& input, TimePoint now) {
    const auto requests = ReadRequests(input);
    const std::lock_guard lock(mutex_);
    if (requests.empty()) {
        return FulfillmentUserErrors("Fulfillment order does not exist.");
    }
    const auto owner = order_of_fulfillment_order_.find(requests.front().fulfillment_order_id);
    if (owner == order_of_fulfillment_order_.end()) {
        return FulfillmentUserErrors("Fulfillment order does not exist.");
    }
    const std::string order_id = owner->second;
    auto& orders = fulfillment_orders_[order_id];
    auto fulfilled = ApplyFulfilment(orders, requests);
    if (!fulfilled) {
        return FulfillmentUserErrors(fulfilled.error().message);
    }
    const auto* tracking = input.if_contains("trackingInfo");
    const json::object rest = StoreFulfillment(
        order_id,
        *fulfilled,
        tracking != nullptr && tracking->is_object() ? tracking->get_object() : json::object{},
        now);
    ++fulfillments_created_;
    return {{"fulfillment",
             {{"id", rest.at("admin_graphql_api_id")},
              {"status", "SUCCESS"},
              {"createdAt", FormatRfc3339(now)},
              {"trackingInfo", json::array{TrackingNode(rest)}}}},
            {"userErrors", json::array{}}};
}

json::object SandboxStore::StoreFulfillment(const std::string& order_id,
                                            const std::vector<FulfilledLine>& lines,
                                            const json::object& tracking,
                                            TimePoint now) {
    const std::string id = std::to_string(next_fulfillment_id_++);
    json::array items;
    for (const auto& fulfilled : lines) {
        items.push_back({{"id", fulfilled.line->line_item_id},
                         {"sku", fulfilled.line->sku},
                         {"variant_id", fulfilled.line->variant_id},
                         {"quantity", fulfilled.quantity}});
    }
    auto text = [&tracking](std::string_view key) {
        const auto* value = tracking.if_contains(key);
        return value != nullptr && value->is_string() ? *value : json::value(nullptr);
    };
    const auto& fulfillment_orders = fulfillment_orders_[order_id];
    json::object rest{{"id", std::stoll(id)},
                      {"admin_graphql_api_id", Gid("Fulfillment", id)},
                      {"order_id", std::stoll(order_id)},
                      {"status", "success"},
                      {"created_at", FormatRfc3339(now)},
                      {"updated_at", FormatRfc3339(now)},
                      {"location_id", fulfillment_orders.front().location_id},
                      {"tracking_company", text("company")},
                      {"tracking_number", text("number")},
                      {"tracking_url", text("url")},
                      {"line_items", std::move(items)}};
    json::object order = *book_.Find(order_id);
    auto& list = order["fulfillments"];
    if (!list.is_array()) {
        list = json::array{};
    }
    list.get_array().push_back(rest);
    const std::string status = FulfillmentStatusOf(fulfillment_orders);
    json::object patch{
        {"id", order.at("id")},
        {"fulfillments", list},
        {"fulfillment_status", status.empty() ? json::value(nullptr) : json::value(status)}};
    if (auto stored = book_.Upsert(std::move(patch), now)) {
        FireTopics(stored->order,
                   {status == "fulfilled" ? "orders/fulfilled" : "orders/partially_fulfilled",
                    "orders/updated"},
                   now);
    }
    return rest;
}

json::object SandboxStore::CancelOrder(const json::object& args, TimePoint now) {
    const std::string order_id = GidTail(ArgText(args, "orderId"));
    auto refuse = [](std::string_view code, std::string_view message) {
        return json::object{
            {"job", nullptr},
            {"orderCancelUserErrors",
             json::array{
                 {{"code", code}, {"field", json::array{"orderId"}}, {"message", message}}}}};
    };
    const std::lock_guard lock(mutex_);
    const auto order = book_.Find(order_id);
    if (!order) {
        return refuse("NOT_FOUND", "Order does not exist");
    }
    const bool pending = std::any_of(jobs_.begin(), jobs_.end(), [&](const auto& entry) {
        return entry.second.order_id == order_id && !entry.second.done;
    });
    if (IsSet(*order, "cancelled_at") || pending) {
        return refuse("INVALID", "Order has already been cancelled");
    }
    if (HasFulfillments(*order)) {
        return refuse("INVALID", "Cannot cancel an order that has fulfillments");
    }
    const auto* restock = args.if_contains("restock");
    const std::string job_id = HexEncode(RandomBytes(16));
    jobs_[job_id] = CancelJob{order_id,
                              now + std::chrono::milliseconds(knobs_.cancel_job_ms),
                              LowerAscii(ArgText(args, "reason")),
                              restock != nullptr && restock->is_bool() && restock->get_bool(),
                              false};
    return {{"job", {{"id", Gid("Job", job_id)}, {"done", false}}},
            {"orderCancelUserErrors", json::array{}}};
}

void SandboxStore::CompleteCancel(const CancelJob& job, TimePoint now) {
    for (auto& fulfillment_order : fulfillment_orders_[job.order_id]) {
        if (fulfillment_order.status == "OPEN" || fulfillment_order.status == "IN_PROGRESS") {
            if (job.restock) {
                Restock(fulfillment_order, now);
            }
            fulfillment_order.status = "CANCELLED";
        }
    }
    json::object patch{
        {"id", std::stoll(job.order_id)},
        {"cancelled_at", FormatRfc3339(now)},
        {"cancel_reason", job.reason.empty() ? json::value("other") : json::value(job.reason)}};
    if (auto stored = book_.Upsert(std::move(patch), now)) {
        ++cancels_;
        FireTopics(stored->order, {"orders/cancelled", "orders/updated"}, now);
    }
}

void SandboxStore::Restock(const FulfillmentOrder& order, TimePoint now) {
    const int64_t location = catalogue_.Locations().front().id;
    for (const auto& line : order.lines) {
        const CatalogueVariant* variant = line.variant_id.is_int64()
                                              ? catalogue_.FindVariant(line.variant_id.get_int64())
                                              : nullptr;
        if (variant != nullptr && line.remaining > 0) {
            const int64_t available =
                catalogue_.Available(variant->inventory_item_id, location).value_or(0);
            catalogue_.SetAvailable(
                variant->inventory_item_id, location, available + line.remaining, now);
        }
    }
}

json::value SandboxStore::JobNode(const std::string& job_gid, TimePoint now) {
    SettleDueJobs(now);
    const std::lock_guard lock(mutex_);
    const auto found = jobs_.find(GidTail(job_gid));
    if (found == jobs_.end()) {
        return nullptr;
    }
    return json::object{{"id", job_gid}, {"done", found->second.done}};
}

json::object SandboxStore::CloseOrder(const std::string& order_gid, TimePoint now) {
    const std::lock_guard lock(mutex_);
    auto order = book_.Find(GidTail(order_gid));
    if (!order) {
        return {{"order", nullptr},
                {"userErrors",
                 json::array{{{"field", json::array{"id"}}, {"message", "Order does not exist"}}}}};
    }
    if (!IsSet(*order, "closed_at")) {
        if (auto stored = book_.Upsert(
                json::object{{"id", order->at("id")}, {"closed_at", FormatRfc3339(now)}}, now)) {
            ++closes_;
            FireTopics(stored->order, {"orders/updated"}, now);
            order = stored->order;
        }
    }
    const auto& closed_at = order->at("closed_at");
    const auto time = closed_at.is_string() ? ParseRfc3339(closed_at.get_string()) : std::nullopt;
    return {{"order",
             {{"id", Gid("Order", GidTail(order_gid))},
              {"closed", true},
              {"closedAt", time ? json::value(FormatRfc3339(*time)) : json::value(nullptr)}}},
            {"userErrors", json::array{}}};
}

}  // namespace scs::sandbox
