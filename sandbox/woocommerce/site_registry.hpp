#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/kit/store_book.hpp"
#include "sandbox/kit/store_ids.hpp"
#include "sandbox/woocommerce/delivery_queue.hpp"
#include "sandbox/woocommerce/woo_site.hpp"

// Every WooCommerce site of one sandbox, by store id and by site name (in the kit's StoreBook),
// plus what the handlers share: the clock, the sandbox's address and the webhook delivery queue.
// Sites live as long as the registry. Thread-safe; Start/Stop run the delivery thread.
namespace scs::sandbox::woocommerce {

class SiteRegistry {
public:
    SiteRegistry(const TimeSource& clock, StoreIds& ids)
        : clock_(clock), ids_(ids), deliveries_(clock) {}

    void Start() { deliveries_.Start(); }

    void Stop() { deliveries_.Stop(); }

    // kBadRequest for an invalid spec, kConflict when the site name is taken.
    [[nodiscard]] Result<std::shared_ptr<WooSite>> Create(const boost::json::object& spec);

    std::shared_ptr<WooSite> ById(const std::string& id) const { return book_.ById(id); }

    std::shared_ptr<WooSite> BySite(const std::string& site) const { return book_.ByName(site); }

    std::vector<std::shared_ptr<WooSite>> All() const { return book_.All(); }

    // "http://127.0.0.1:PORT"
    void SetBaseAddress(std::string address) { book_.SetBaseAddress(std::move(address)); }

    std::string BaseAddress() const { return book_.BaseAddress(); }

    // Now, in whole seconds: WooCommerce keeps its dates to the second.
    TimePoint Now() const;

private:
    const TimeSource& clock_;
    StoreIds& ids_;
    DeliveryQueue deliveries_;
    StoreBook<WooSite> book_;
};

}  // namespace scs::sandbox::woocommerce
