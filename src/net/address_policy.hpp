#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

struct sockaddr;

// Which network addresses a user-supplied store URL may reach (DESIGN §10): a WooCommerce site
// is a URL the seller types, so without this rule the service could be made to call its own
// loopback, the cloud metadata address or a private network (server-side request forgery).
// Pure functions except ResolvePublicHost, which asks the system resolver; all thread-safe.
namespace scs {

// True for a globally routable unicast address. False for IPv4 0/8, 10/8, 100.64/10 (carrier
// NAT), 127/8, 169.254/16 (link-local, incl. the metadata service), 172.16/12, 192.0.0/24,
// 192.168/16, 198.18/15, 224/4 and above (multicast, reserved, broadcast); IPv6 ::, ::1,
// fc00::/7 (unique local), fe80::/10 (link-local), ff00::/8 (multicast), and IPv4-mapped or
// IPv4-compatible addresses whose IPv4 part is not public. Other families: false.
[[nodiscard]] bool IsPublicAddress(const sockaddr* address);

// The same for an address literal ("10.0.0.1", "::1"); false when `literal` is not an address.
[[nodiscard]] bool IsPublicAddressLiteral(std::string_view literal);

// Resolves `host` and succeeds only when every address it resolves to is public; the error
// (kBadRequest) names the field `field` and says why: no such host, or a private, loopback or
// link-local address. Returns the resolved addresses as text.
[[nodiscard]] Result<std::vector<std::string>> ResolvePublicHost(const std::string& host,
                                                                 std::string_view field);

}  // namespace scs
