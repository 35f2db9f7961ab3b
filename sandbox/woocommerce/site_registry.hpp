#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "sandbox/woocommerce/delivery_queue.hpp"
#include "sandbox/woocommerce/woo_site.hpp"

// Every WooCommerce site of one sandbox, by store id and by site name, plus what the handlers
// share: the clock, the sandbox's address and the webhook delivery queue. Sites live as long as
// the registry. Thread-safe; Start/Stop run the delivery thread.
namespace scs::sandbox::woocommerce {

class SiteRegistry {
public:
    explicit SiteRegistry(const TimeSource& clock) : clock_(clock), deliveries_(clock) {}

    void Start() { deliveries_.Start(); }

    void Stop() { deliveries_.Stop(); }

    // `id` comes from the sandbox's shared store ids. kBadRequest for an invalid spec, kConflict
    // when the site name is taken.
    [[nodiscard]] Result<std::shared_ptr<WooSite>> Create(const std::string& id,
                                                          const boost::json::object& spec);

    std::shared_ptr<WooSite> ById(const std::string& id) const;
    std::shared_ptr<WooSite> BySite(const std::string& site) const;
    std::vector<std::shared_ptr<WooSite>> All() const;

    void SetBaseAddress(std::string address);  // "http://127.0.0.1:PORT"
    std::string BaseAddress() const;

    // Now, in whole seconds: WooCommerce keeps its dates to the second.
    TimePoint Now() const;

private:
    const TimeSource& clock_;
    DeliveryQueue deliveries_;
    mutable std::mutex mutex_;
    std::string base_address_;
    std::map<std::string, std::shared_ptr<WooSite>> by_id_;
    std::map<std::string, std::shared_ptr<WooSite>> by_site_;
};

}  // namespace scs::sandbox::woocommerce
