#include "push/push_request_json.hpp"

#include <algorithm>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace scs {
namespace {

std::string Trimmed(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    const size_t begin = text.find_first_not_of(kSpace);
    if (begin == std::string_view::npos) {
        return {};
    }
    const size_t end = text.find_last_not_of(kSpace);
    return std::string(text.substr(begin, end - begin + 1));
}

// Field readers that remember the first problem instead of failing at once, so a parser reads
// straight through and checks once at the end.
class Reader {
public:
    explicit Reader(const boost::json::object& object) : object_(object) {}

    std::string Text(std::string_view key) {
        const auto* value = object_.if_contains(key);
        if (value == nullptr || !value->is_string()) {
            Missing(key);
            return {};
        }
        return std::string(value->as_string());
    }

    bool Flag(std::string_view key) {
        const auto* value = object_.if_contains(key);
        if (value == nullptr || !value->is_bool()) {
            Missing(key);
            return false;
        }
        return value->as_bool();
    }

    int64_t Int(std::string_view key) {
        const auto* value = object_.if_contains(key);
        if (value == nullptr || !value->is_int64()) {
            Missing(key);
            return 0;
        }
        return value->as_int64();
    }

    const boost::json::array* Array(std::string_view key) {
        const auto* value = object_.if_contains(key);
        if (value == nullptr || !value->is_array()) {
            Missing(key);
            return nullptr;
        }
        return &value->as_array();
    }

    const std::string& Problem() const { return problem_; }

private:
    void Missing(std::string_view key) {
        if (problem_.empty()) {
            problem_ = std::string(key);
        }
    }

    const boost::json::object& object_;
    std::string problem_;
};

Result<boost::json::object> ParseObject(std::string_view json) {
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(json, ec);
    if (ec || !value.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "push request: not a JSON object");
    }
    return std::move(value.as_object());
}

tl::unexpected<Error> BadField(std::string_view kind, const std::string& field) {
    return Fail(ErrorCode::kInvalidPayload,
                std::string(kind) + " push request: missing or mistyped \"" + field + "\"");
}

Result<std::vector<FulfillmentLine>> ParseLines(const boost::json::array& lines) {
    std::vector<FulfillmentLine> parsed;
    for (const auto& line : lines) {
        if (!line.is_object()) {
            return BadField("fulfillment", "line_items");
        }
        Reader reader(line.as_object());
        parsed.push_back(FulfillmentLine{reader.Text("sku"), reader.Int("quantity")});
        if (!reader.Problem().empty()) {
            return BadField("fulfillment", "line_items." + reader.Problem());
        }
    }
    return parsed;
}

}  // namespace

InventoryPushRequest NormaliseInventoryPush(InventoryPushRequest request) {
    for (auto& item : request.items) {
        item.sku = Trimmed(item.sku);
        item.hub_code = Trimmed(item.hub_code);
    }
    request.idempotency_key = Trimmed(request.idempotency_key);
    return request;
}

FulfillmentPushRequest NormaliseFulfillmentPush(FulfillmentPushRequest request) {
    request.order_external_id = Trimmed(request.order_external_id);
    request.tracking_number = Trimmed(request.tracking_number);
    request.carrier = Trimmed(request.carrier);
    request.tracking_url = Trimmed(request.tracking_url);
    request.idempotency_key = Trimmed(request.idempotency_key);
    for (auto& line : request.lines) {
        line.sku = Trimmed(line.sku);
    }
    std::stable_sort(
        request.lines.begin(),
        request.lines.end(),
        [](const FulfillmentLine& a, const FulfillmentLine& b) { return a.sku < b.sku; });
    return request;
}

StatusPushRequest NormaliseStatusPush(StatusPushRequest request) {
    request.order_external_id = Trimmed(request.order_external_id);
    request.status = Trimmed(request.status);
    request.reason = Trimmed(request.reason);
    request.idempotency_key = Trimmed(request.idempotency_key);
    if (request.status == "cancelled" && request.reason.empty()) {
        request.reason = "other";
    }
    if (request.status == "closed") {
        // A close has no reason, restock or refund: they must not make two closes differ.
        request.reason.clear();
        request.restock = false;
        request.refund = false;
    }
    return request;
}

std::string InventoryPushJson(const InventoryPushRequest& request) {
    boost::json::array items;
    for (const auto& item : request.items) {
        items.push_back(boost::json::object{
            {"sku", item.sku}, {"hub_code", item.hub_code}, {"quantity", item.quantity}});
    }
    return boost::json::serialize(boost::json::object{{"items", std::move(items)}});
}

std::string FulfillmentPushJson(const FulfillmentPushRequest& request) {
    boost::json::array lines;
    for (const auto& line : request.lines) {
        lines.push_back(boost::json::object{{"sku", line.sku}, {"quantity", line.quantity}});
    }
    return boost::json::serialize(boost::json::object{
        {"order_external_id", request.order_external_id},
        {"tracking_number", request.tracking_number},
        {"carrier", request.carrier},
        {"tracking_url", request.tracking_url},
        {"line_items", std::move(lines)},
        {"notify_customer", request.notify_customer},
    });
}

std::string StatusPushJson(const StatusPushRequest& request) {
    return boost::json::serialize(boost::json::object{
        {"order_external_id", request.order_external_id},
        {"status", request.status},
        {"reason", request.reason},
        {"restock", request.restock},
        {"refund", request.refund},
        {"notify_customer", request.notify_customer},
    });
}

Result<FulfillmentPushRequest> ParseFulfillmentPushJson(std::string_view json) {
    auto object = ParseObject(json);
    if (!object) {
        return tl::unexpected(object.error());
    }
    Reader reader(*object);
    FulfillmentPushRequest request;
    request.order_external_id = reader.Text("order_external_id");
    request.tracking_number = reader.Text("tracking_number");
    request.carrier = reader.Text("carrier");
    request.tracking_url = reader.Text("tracking_url");
    request.notify_customer = reader.Flag("notify_customer");
    if (const auto* lines = reader.Array("line_items"); lines != nullptr) {
        auto parsed = ParseLines(*lines);
        if (!parsed) {
            return tl::unexpected(parsed.error());
        }
        request.lines = std::move(*parsed);
    }
    if (!reader.Problem().empty()) {
        return BadField("fulfillment", reader.Problem());
    }
    return request;
}

Result<StatusPushRequest> ParseStatusPushJson(std::string_view json) {
    auto object = ParseObject(json);
    if (!object) {
        return tl::unexpected(object.error());
    }
    Reader reader(*object);
    StatusPushRequest request;
    request.order_external_id = reader.Text("order_external_id");
    request.status = reader.Text("status");
    request.reason = reader.Text("reason");
    request.restock = reader.Flag("restock");
    request.refund = reader.Flag("refund");
    request.notify_customer = reader.Flag("notify_customer");
    if (!reader.Problem().empty()) {
        return BadField("status", reader.Problem());
    }
    return request;
}

}  // namespace scs
