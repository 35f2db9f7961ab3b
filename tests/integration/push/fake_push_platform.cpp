#include "fake_push_platform.hpp"

namespace scs::testing {
namespace {

class FakePushConnector final : public Connector {
public:
    explicit FakePushConnector(std::shared_ptr<FakePushPlatform> platform)
        : platform_(std::move(platform)) {}

    Status VerifyCredentials(const Connection&, const Credentials&) override { return {}; }

    Result<OrderPage> FetchOrders(ConnectorSession&, const OrderPageRequest&) override {
        return OrderPage{};
    }

    Status SubscribeWebhooks(ConnectorSession&, std::string_view) override { return {}; }

    Result<std::map<InventoryKey, InventoryLevelRead>> ReadInventoryLevels(
        ConnectorSession& session, const std::vector<InventoryKey>& keys) override {
        if (auto bad = Check(session); !bad) {
            return tl::unexpected(bad.error());
        }
        return platform_->Read(keys);
    }

    Result<std::vector<InventorySetResult>> SetInventory(ConnectorSession& session,
                                                         const InventorySetBatch& batch) override {
        if (auto bad = Check(session); !bad) {
            return tl::unexpected(bad.error());
        }
        return platform_->Set(batch);
    }

    Result<FulfillmentResult> CreateFulfillment(ConnectorSession& session,
                                                const FulfillmentRequest& request) override {
        if (auto bad = Check(session); !bad) {
            return tl::unexpected(bad.error());
        }
        return platform_->Fulfil(request);
    }

    Result<OrderStatusResult> ChangeOrderStatus(ConnectorSession& session,
                                                const OrderStatusRequest& request) override {
        if (auto bad = Check(session); !bad) {
            return tl::unexpected(bad.error());
        }
        return platform_->ChangeStatus(request);
    }

private:
    static Status Check(const ConnectorSession& session) {
        if (session.credentials.at("access_token") != "good") {
            return Fail(ErrorCode::kInvalidCredentials, "token rejected");
        }
        return {};
    }

    std::shared_ptr<FakePushPlatform> platform_;
};

}  // namespace

ConnectorPtr MakeFakePushConnector(std::shared_ptr<FakePushPlatform> platform) {
    return std::make_unique<FakePushConnector>(std::move(platform));
}

void FakePushPlatform::SetLevel(const InventoryKey& key, std::optional<int64_t> available) {
    const std::lock_guard lock(mutex_);
    levels_[key] = available;
}

std::optional<int64_t> FakePushPlatform::Level(const InventoryKey& key) const {
    const std::lock_guard lock(mutex_);
    auto found = levels_.find(key);
    return found == levels_.end() ? std::nullopt : found->second;
}

void FakePushPlatform::Sell(const InventoryKey& key, int64_t units) {
    const std::lock_guard lock(mutex_);
    levels_.at(key) = levels_.at(key).value_or(0) - units;
}

void FakePushPlatform::FailNext(int count, ErrorCode code, bool after_effect) {
    const std::lock_guard lock(mutex_);
    fail_count_ = count;
    fail_code_ = code;
    fail_after_effect_ = after_effect;
}

void FakePushPlatform::AddOrder(const std::string& order, int64_t units) {
    const std::lock_guard lock(mutex_);
    unfulfilled_[order] = units;
}

std::vector<InventorySetBatch> FakePushPlatform::SetCalls() const {
    const std::lock_guard lock(mutex_);
    return set_calls_;
}

int FakePushPlatform::AppliedSets() const {
    const std::lock_guard lock(mutex_);
    return applied_sets_;
}

std::vector<FakePushPlatform::Shipment> FakePushPlatform::Shipments() const {
    const std::lock_guard lock(mutex_);
    return shipments_;
}

std::vector<OrderStatusRequest> FakePushPlatform::StatusCalls() const {
    const std::lock_guard lock(mutex_);
    return status_calls_;
}

std::set<std::string> FakePushPlatform::Cancelled() const {
    const std::lock_guard lock(mutex_);
    return cancelled_;
}

std::optional<Error> FakePushPlatform::TakeFailure(bool after_effect) {
    if (fail_count_ == 0 || fail_after_effect_ != after_effect) {
        return std::nullopt;
    }
    --fail_count_;
    return Error{fail_code_, "injected platform failure", {}, std::nullopt};
}

Result<std::map<InventoryKey, InventoryLevelRead>> FakePushPlatform::Read(
    const std::vector<InventoryKey>& keys) {
    const std::lock_guard lock(mutex_);
    std::map<InventoryKey, InventoryLevelRead> out;
    for (const auto& key : keys) {
        auto found = levels_.find(key);
        out[key] =
            found == levels_.end() ? InventoryLevelRead{} : InventoryLevelRead{true, found->second};
    }
    return out;
}

Result<std::vector<InventorySetResult>> FakePushPlatform::Set(const InventorySetBatch& batch) {
    const std::lock_guard lock(mutex_);
    if (auto failure = TakeFailure(false)) {
        return tl::unexpected(*failure);
    }
    set_calls_.push_back(batch);
    if (auto replay = replies_.find(batch.idempotency_key); replay != replies_.end()) {
        return replay->second;
    }
    std::vector<InventorySetResult> results;
    for (const auto& item : batch.items) {
        auto level = levels_.find(item.key);
        if (level == levels_.end()) {
            results.push_back({InventorySetOutcome::kUnknownItem, "no such item"});
        } else if (item.change_from && level->second != item.change_from) {
            results.push_back({InventorySetOutcome::kStale, "changeFromQuantity differs"});
        } else {
            level->second = item.quantity;
            results.push_back({InventorySetOutcome::kApplied, ""});
        }
    }
    ++applied_sets_;
    replies_[batch.idempotency_key] = results;
    if (auto failure = TakeFailure(true)) {
        return tl::unexpected(*failure);
    }
    return results;
}

Result<FulfillmentResult> FakePushPlatform::Fulfil(const FulfillmentRequest& request) {
    const std::lock_guard lock(mutex_);
    if (auto failure = TakeFailure(false)) {
        return tl::unexpected(*failure);
    }
    auto order = unfulfilled_.find(request.order_external_id);
    if (order == unfulfilled_.end()) {
        return Fail(ErrorCode::kNotFound, "no such order");
    }
    for (const auto& shipment : shipments_) {
        if (!request.tracking_number.empty() && shipment.order == order->first &&
            shipment.tracking_number == request.tracking_number) {
            return FulfillmentResult{shipment.id, true};
        }
    }
    if (order->second == 0) {
        return Fail(ErrorCode::kConflict, "nothing remains to fulfil");
    }
    order->second = 0;
    shipments_.push_back(
        {"f" + std::to_string(shipments_.size() + 1), order->first, request.tracking_number});
    if (auto failure = TakeFailure(true)) {
        return tl::unexpected(*failure);
    }
    return FulfillmentResult{shipments_.back().id, false};
}

Result<OrderStatusResult> FakePushPlatform::ChangeStatus(const OrderStatusRequest& request) {
    const std::lock_guard lock(mutex_);
    if (auto failure = TakeFailure(false)) {
        return tl::unexpected(*failure);
    }
    status_calls_.push_back(request);
    if (unfulfilled_.count(request.order_external_id) == 0) {
        return Fail(ErrorCode::kNotFound, "no such order");
    }
    if (cancel_delay_ > 0) {
        --cancel_delay_;
        return OrderStatusResult{false, false, "job-1"};
    }
    const bool already = cancelled_.count(request.order_external_id) > 0;
    cancelled_.insert(request.order_external_id);
    return OrderStatusResult{true, already, ""};
}

}  // namespace scs::testing
