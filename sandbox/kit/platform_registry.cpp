#include "sandbox/kit/platform_registry.hpp"

#include <algorithm>

namespace scs::sandbox {

void PlatformRegistry::Add(SandboxPlatformPtr platform) {
    platforms_.push_back(std::move(platform));
}

SandboxPlatform* PlatformRegistry::Find(std::string_view tag) const {
    const auto found = std::find_if(platforms_.begin(),
                                    platforms_.end(),
                                    [tag](const auto& platform) { return platform->Tag() == tag; });
    return found == platforms_.end() ? nullptr : found->get();
}

Result<SandboxPlatform*> PlatformRegistry::ForSpec(const boost::json::object& spec) const {
    if (platforms_.empty()) {
        return Fail(ErrorCode::kUnavailable, "the sandbox serves no platform");
    }
    const auto* tag = spec.if_contains("platform");
    if (tag == nullptr || tag->is_null()) {
        return platforms_.front().get();
    }
    SandboxPlatform* platform = tag->is_string() ? Find(tag->get_string()) : nullptr;
    if (platform == nullptr) {
        std::string known;
        for (const auto& each : platforms_) {
            known += (known.empty() ? "\"" : ", \"") + std::string(each->Tag()) + "\"";
        }
        return FailField("platform", "the sandbox emulates " + known + " only");
    }
    return platform;
}

SandboxPlatform* PlatformRegistry::OwnerOf(const std::string& id) const {
    const auto found = std::find_if(platforms_.begin(),
                                    platforms_.end(),
                                    [&id](const auto& platform) { return platform->HasStore(id); });
    return found == platforms_.end() ? nullptr : found->get();
}

}  // namespace scs::sandbox
