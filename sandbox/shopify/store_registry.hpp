#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/shopify/sandbox_store.hpp"
#include "sandbox/shopify/webhook_sender.hpp"

// Every store of one sandbox, by id and by shop domain, plus what the handlers share: the clock
// and the sandbox's own address. Stores live as long as the registry. Thread-safe.
namespace scs::sandbox {

class StoreRegistry {
public:
    StoreRegistry(WebhookSender& sender, const TimeSource& clock);

    // kBadRequest for an invalid spec; kConflict when the shop already exists.
    [[nodiscard]] Result<std::shared_ptr<SandboxStore>> Create(const boost::json::object& spec);

    // The next store id ("store_N"), unique across platforms: WooCommerce sites take theirs here.
    std::string NextId();

    std::shared_ptr<SandboxStore> ById(const std::string& id) const;
    std::shared_ptr<SandboxStore> ByShop(const std::string& shop) const;
    std::vector<std::shared_ptr<SandboxStore>> All() const;

    // "http://127.0.0.1:PORT", known once the server listens.
    void SetBaseAddress(std::string address);
    std::string BaseAddress() const;
    std::string BaseUrlOf(const SandboxStore& store) const;  // BaseAddress + "/shopify/<shop>"

    TimePoint Now() const { return clock_.Now(); }

private:
    WebhookSender& sender_;
    const TimeSource& clock_;
    mutable std::mutex mutex_;
    std::string base_address_;
    std::map<std::string, std::shared_ptr<SandboxStore>> by_id_;
    std::map<std::string, std::shared_ptr<SandboxStore>> by_shop_;
    int64_t next_id_ = 1;
};

}  // namespace scs::sandbox
