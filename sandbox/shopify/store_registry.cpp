#include "sandbox/shopify/store_registry.hpp"

namespace scs::sandbox {

Result<std::shared_ptr<SandboxStore>> StoreRegistry::Create(const boost::json::object& spec) {
    const TimePoint now = clock_.Now();
    auto parsed = ParseStoreSpec(spec, now);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    const std::string shop = parsed->shop;
    return book_.Add(shop,
                     ids_,
                     "a store for " + shop + " already exists",
                     [this, &parsed, now](const std::string& id, const std::string& /*base*/) {
                         return std::make_shared<SandboxStore>(
                             id, std::move(*parsed), sender_, now);
                     });
}

std::string StoreRegistry::BaseUrlOf(const SandboxStore& store) const {
    return BaseAddress() + "/shopify/" + store.Spec().shop;
}

}  // namespace scs::sandbox
