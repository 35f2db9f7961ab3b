#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "sandbox/kit/store_ids.hpp"

// One platform's stores, by id and by the name the platform knows them by (shop domain, site
// name), plus the sandbox's address. Stores are never removed, so they live as long as the book.
// Thread-safe.
namespace scs::sandbox {

template <class Store>
class StoreBook {
public:
    using StorePtr = std::shared_ptr<Store>;

    // Takes the next id from `ids` and adds make(id, base_address) under `name`, unless `name`
    // is taken: kConflict with `conflict` as the message. `make` runs under the book's lock.
    template <class Make>
    [[nodiscard]] Result<StorePtr> Add(const std::string& name,
                                       StoreIds& ids,
                                       const std::string& conflict,
                                       Make make) {
        const std::lock_guard lock(mutex_);
        if (by_name_.count(name) > 0) {
            return Fail(ErrorCode::kConflict, conflict);
        }
        std::string id = ids.Next();
        StorePtr store = make(id, base_address_);
        by_name_[name] = store;
        by_id_[id] = store;
        return store;
    }

    StorePtr ById(const std::string& id) const { return Find(by_id_, id); }

    StorePtr ByName(const std::string& name) const { return Find(by_name_, name); }

    std::vector<StorePtr> All() const {
        const std::lock_guard lock(mutex_);
        std::vector<StorePtr> stores;
        for (const auto& [id, store] : by_id_) {
            stores.push_back(store);
        }
        return stores;
    }

    // "http://127.0.0.1:PORT", known once the server listens.
    void SetBaseAddress(std::string address) {
        const std::lock_guard lock(mutex_);
        base_address_ = std::move(address);
    }

    std::string BaseAddress() const {
        const std::lock_guard lock(mutex_);
        return base_address_;
    }

private:
    StorePtr Find(const std::map<std::string, StorePtr>& index, const std::string& key) const {
        const std::lock_guard lock(mutex_);
        const auto found = index.find(key);
        return found == index.end() ? nullptr : found->second;
    }

    mutable std::mutex mutex_;
    std::string base_address_;
    std::map<std::string, StorePtr> by_id_;
    std::map<std::string, StorePtr> by_name_;
};

}  // namespace scs::sandbox
