#include "sandbox/woocommerce/site_registry.hpp"

namespace scs::sandbox::woocommerce {

Result<std::shared_ptr<WooSite>> SiteRegistry::Create(const boost::json::object& spec) {
    const TimePoint now = Now();
    auto parsed = ParseSiteSpec(spec, now);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    const std::string name = parsed->site;
    return book_.Add(
        name,
        ids_,
        "a WooCommerce site " + name + " already exists",
        [this, &parsed, &name, now](const std::string& id, const std::string& base) {
            return std::make_shared<WooSite>(
                id, std::move(*parsed), base + "/woocommerce/" + name, deliveries_, now);
        });
}

TimePoint SiteRegistry::Now() const {
    return std::chrono::floor<std::chrono::seconds>(clock_.Now());
}

}  // namespace scs::sandbox::woocommerce
