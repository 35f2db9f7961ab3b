#include "sandbox/shopify/store_registry.hpp"

namespace scs::sandbox {

StoreRegistry::StoreRegistry(WebhookSender& sender, const TimeSource& clock)
    : sender_(sender), clock_(clock) {}

Result<std::shared_ptr<SandboxStore>> StoreRegistry::Create(const boost::json::object& spec) {
    const TimePoint now = clock_.Now();
    auto parsed = ParseStoreSpec(spec, now);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    const std::lock_guard lock(mutex_);
    if (by_shop_.count(parsed->shop) > 0) {
        return Fail(ErrorCode::kConflict, "a store for " + parsed->shop + " already exists");
    }
    std::string id = "store_" + std::to_string(next_id_++);
    auto store = std::make_shared<SandboxStore>(id, std::move(*parsed), sender_, now);
    by_shop_[store->Spec().shop] = store;
    by_id_[id] = store;
    return store;
}

std::string StoreRegistry::NextId() {
    const std::lock_guard lock(mutex_);
    return "store_" + std::to_string(next_id_++);
}

std::shared_ptr<SandboxStore> StoreRegistry::ById(const std::string& id) const {
    const std::lock_guard lock(mutex_);
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : found->second;
}

std::shared_ptr<SandboxStore> StoreRegistry::ByShop(const std::string& shop) const {
    const std::lock_guard lock(mutex_);
    const auto found = by_shop_.find(shop);
    return found == by_shop_.end() ? nullptr : found->second;
}

std::vector<std::shared_ptr<SandboxStore>> StoreRegistry::All() const {
    const std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<SandboxStore>> stores;
    for (const auto& [id, store] : by_id_) {
        stores.push_back(store);
    }
    return stores;
}

void StoreRegistry::SetBaseAddress(std::string address) {
    const std::lock_guard lock(mutex_);
    base_address_ = std::move(address);
}

std::string StoreRegistry::BaseAddress() const {
    const std::lock_guard lock(mutex_);
    return base_address_;
}

std::string StoreRegistry::BaseUrlOf(const SandboxStore& store) const {
    return BaseAddress() + "/shopify/" + store.Spec().shop;
}

}  // namespace scs::sandbox
