#include "net/address_policy.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace scs {
namespace {

struct Ipv4Range {
    uint32_t network;
    int prefix;
};

// IANA's special-purpose IPv4 registry, the blocks that are not globally reachable.
constexpr std::array<Ipv4Range, 12> kNonPublicIpv4 = {{
    {0x00000000U, 8},   // "this network"
    {0x0A000000U, 8},   // private
    {0x64400000U, 10},  // carrier-grade NAT
    {0x7F000000U, 8},   // loopback
    {0xA9FE0000U, 16},  // link-local (cloud metadata at 169.254.169.254)
    {0xAC100000U, 12},  // private
    {0xC0000000U, 24},  // IETF protocol assignments
    {0xC0000200U, 24},  // TEST-NET-1
    {0xC0A80000U, 16},  // private
    {0xC6120000U, 15},  // benchmarking
    {0xC6336400U, 24},  // TEST-NET-2
    {0xCB007100U, 24},  // TEST-NET-3
}};

bool IsPublicIpv4(uint32_t host_order) {
    if (host_order >= 0xE0000000U) {  // multicast, reserved, broadcast
        return false;
    }
    for (const auto& range : kNonPublicIpv4) {
        const uint32_t mask = ~uint32_t{0} << (32 - range.prefix);
        if ((host_order & mask) == range.network) {
            return false;
        }
    }
    return true;
}

uint32_t Ipv4Tail(const in6_addr& address) {
    uint32_t tail = 0;
    std::memcpy(&tail, &address.s6_addr[12], sizeof(tail));
    return ntohl(tail);
}

bool AllZero(const uint8_t* bytes, int count) {
    for (int i = 0; i < count; ++i) {
        if (bytes[i] != 0) {
            return false;
        }
    }
    return true;
}

bool IsPublicIpv6(const in6_addr& address) {
    const uint8_t* bytes = address.s6_addr;
    if (IN6_IS_ADDR_V4MAPPED(&address) || (AllZero(bytes, 12) && Ipv4Tail(address) > 1)) {
        return IsPublicIpv4(Ipv4Tail(address));
    }
    if (AllZero(bytes, 16) || IN6_IS_ADDR_LOOPBACK(&address)) {
        return false;
    }
    const bool unique_local = (bytes[0] & 0xFEU) == 0xFCU;
    const bool link_local = bytes[0] == 0xFEU && (bytes[1] & 0xC0U) == 0x80U;
    const bool multicast = bytes[0] == 0xFFU;
    return !unique_local && !link_local && !multicast;
}

std::string AddressText(const sockaddr* address) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (address->sa_family == AF_INET) {
        sockaddr_in v4{};
        std::memcpy(&v4, address, sizeof(v4));
        inet_ntop(AF_INET, &v4.sin_addr, text.data(), text.size());
    } else if (address->sa_family == AF_INET6) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, address, sizeof(v6));
        inet_ntop(AF_INET6, &v6.sin6_addr, text.data(), text.size());
    }
    return text.data();
}

struct AddrInfoFree {
    void operator()(addrinfo* list) const { freeaddrinfo(list); }
};

}  // namespace

bool IsPublicAddress(const sockaddr* address) {
    if (address == nullptr) {
        return false;
    }
    if (address->sa_family == AF_INET) {
        sockaddr_in v4{};
        std::memcpy(&v4, address, sizeof(v4));
        return IsPublicIpv4(ntohl(v4.sin_addr.s_addr));
    }
    if (address->sa_family == AF_INET6) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, address, sizeof(v6));
        return IsPublicIpv6(v6.sin6_addr);
    }
    return false;
}

bool IsPublicAddressLiteral(std::string_view literal) {
    const std::string text(literal);
    sockaddr_in v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        return IsPublicAddress(reinterpret_cast<const sockaddr*>(&v4));
    }
    sockaddr_in6 v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        return IsPublicAddress(reinterpret_cast<const sockaddr*>(&v6));
    }
    return false;
}

Result<std::vector<std::string>> ResolvePublicHost(const std::string& host,
                                                   std::string_view field) {
    // A bracketed IPv6 literal from a URL ("[::1]") resolves without its brackets.
    std::string name = host;
    if (name.size() > 2 && name.front() == '[' && name.back() == ']') {
        name = name.substr(1, name.size() - 2);
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* raw = nullptr;
    if (getaddrinfo(name.c_str(), nullptr, &hints, &raw) != 0 || raw == nullptr) {
        return FailField(std::string(field),
                         std::string(field) + ": the host " + host + " does not resolve");
    }
    const std::unique_ptr<addrinfo, AddrInfoFree> list(raw);
    std::vector<std::string> addresses;
    for (const addrinfo* entry = list.get(); entry != nullptr; entry = entry->ai_next) {
        const std::string text = AddressText(entry->ai_addr);
        if (!IsPublicAddress(entry->ai_addr)) {
            std::string message(field);
            message.append(": the host ").append(host);
            message.append(" resolves to a private, loopback or link-local address (").append(text);
            message.append("); store URLs must be public");
            return FailField(std::string(field), std::move(message));
        }
        addresses.push_back(text);
    }
    return addresses;
}

}  // namespace scs
