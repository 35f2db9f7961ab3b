#include "sandbox/woocommerce/site_registry.hpp"

namespace scs::sandbox::woocommerce {

Result<std::shared_ptr<WooSite>> SiteRegistry::Create(const std::string& id,
                                                      const boost::json::object& spec) {
    const TimePoint now = Now();
    auto parsed = ParseSiteSpec(spec, now);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    const std::lock_guard lock(mutex_);
    if (by_site_.count(parsed->site) > 0) {
        return Fail(ErrorCode::kConflict, "a WooCommerce site " + parsed->site + " already exists");
    }
    const std::string store_url = base_address_ + "/woocommerce/" + parsed->site;
    auto site = std::make_shared<WooSite>(id, std::move(*parsed), store_url, deliveries_, now);
    by_site_[site->Spec().site] = site;
    by_id_[id] = site;
    return site;
}

std::shared_ptr<WooSite> SiteRegistry::ById(const std::string& id) const {
    const std::lock_guard lock(mutex_);
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : found->second;
}

std::shared_ptr<WooSite> SiteRegistry::BySite(const std::string& site) const {
    const std::lock_guard lock(mutex_);
    const auto found = by_site_.find(site);
    return found == by_site_.end() ? nullptr : found->second;
}

std::vector<std::shared_ptr<WooSite>> SiteRegistry::All() const {
    const std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<WooSite>> sites;
    for (const auto& [id, site] : by_id_) {
        sites.push_back(site);
    }
    return sites;
}

void SiteRegistry::SetBaseAddress(std::string address) {
    const std::lock_guard lock(mutex_);
    base_address_ = std::move(address);
}

std::string SiteRegistry::BaseAddress() const {
    const std::lock_guard lock(mutex_);
    return base_address_;
}

TimePoint SiteRegistry::Now() const {
    return std::chrono::floor<std::chrono::seconds>(clock_.Now());
}

}  // namespace scs::sandbox::woocommerce
