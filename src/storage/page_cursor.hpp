#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

// The opaque keyset cursor of order listings: base64url (no padding) of "<millis>:<id>", safe in
// a query string without escaping. Pure functions.
namespace scs {

struct PageKey {
    TimePoint stored_at{};
    std::string id;
};

std::string EncodePageCursor(const PageKey& key);

// nullopt for anything EncodePageCursor did not produce.
std::optional<PageKey> DecodePageCursor(std::string_view cursor);

}  // namespace scs
