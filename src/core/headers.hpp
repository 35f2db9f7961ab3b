#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// HTTP header lists as every layer holds them (the server's requests, the outbound client's
// responses, the platforms' webhook deliveries), and the one case-insensitive lookup. Pure.
namespace scs {

// Name/value pairs in the order received; a name may repeat.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

// ASCII case-insensitive equality, as HTTP uses for header names.
bool HeaderNameEquals(std::string_view a, std::string_view b);

// The value of the first header named `name` (case-insensitively); it points into `headers`.
std::optional<std::string_view> FindHeader(const HeaderList& headers, std::string_view name);

}  // namespace scs
