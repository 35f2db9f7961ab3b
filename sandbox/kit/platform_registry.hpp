#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "sandbox/kit/sandbox_platform.hpp"

// The platforms one sandbox serves, by tag, in the order the builtin table added them. Filled
// once before the server starts (sandbox/builtin.cpp), then only read: thread-safe from then on.
namespace scs::sandbox {

class PlatformRegistry {
public:
    // The first platform added is the default for a store spec without "platform".
    void Add(SandboxPlatformPtr platform);

    // nullptr for a tag no platform has.
    SandboxPlatform* Find(std::string_view tag) const;
    // The platform a spec's "platform" names (or the default); kBadRequest naming "platform".
    [[nodiscard]] Result<SandboxPlatform*> ForSpec(const boost::json::object& spec) const;
    // The platform that holds store `id`; nullptr when none does.
    SandboxPlatform* OwnerOf(const std::string& id) const;

    const std::vector<SandboxPlatformPtr>& All() const { return platforms_; }

private:
    std::vector<SandboxPlatformPtr> platforms_;
};

}  // namespace scs::sandbox
