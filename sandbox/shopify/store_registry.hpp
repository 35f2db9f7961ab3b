#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/kit/store_book.hpp"
#include "sandbox/kit/store_ids.hpp"
#include "sandbox/shopify/sandbox_store.hpp"
#include "sandbox/shopify/webhook_sender.hpp"

// Every Shopify store of one sandbox, by id and by shop domain (in the kit's StoreBook), plus
// what the handlers share: the clock and the sandbox's own address. Stores live as long as the
// registry. Thread-safe.
namespace scs::sandbox {

class StoreRegistry {
public:
    StoreRegistry(WebhookSender& sender, const TimeSource& clock, StoreIds& ids)
        : sender_(sender), clock_(clock), ids_(ids) {}

    // kBadRequest for an invalid spec; kConflict when the shop already exists.
    [[nodiscard]] Result<std::shared_ptr<SandboxStore>> Create(const boost::json::object& spec);

    std::shared_ptr<SandboxStore> ById(const std::string& id) const { return book_.ById(id); }

    std::shared_ptr<SandboxStore> ByShop(const std::string& shop) const {
        return book_.ByName(shop);
    }

    std::vector<std::shared_ptr<SandboxStore>> All() const { return book_.All(); }

    // "http://127.0.0.1:PORT", known once the server listens.
    void SetBaseAddress(std::string address) { book_.SetBaseAddress(std::move(address)); }

    std::string BaseAddress() const { return book_.BaseAddress(); }

    std::string BaseUrlOf(const SandboxStore& store) const;  // BaseAddress + "/shopify/<shop>"

    TimePoint Now() const { return clock_.Now(); }

private:
    WebhookSender& sender_;
    const TimeSource& clock_;
    StoreIds& ids_;
    StoreBook<SandboxStore> book_;
};

}  // namespace scs::sandbox
