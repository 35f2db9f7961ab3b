#include "core/connection.hpp"

#include <array>
#include <utility>

namespace scs {
namespace {

constexpr std::array<std::pair<ConnectionStatus, std::string_view>, 4> kStatusNames{{
    {ConnectionStatus::kActive, "active"},
    {ConnectionStatus::kPaused, "paused"},
    {ConnectionStatus::kReauthRequired, "reauth_required"},
    {ConnectionStatus::kDisconnected, "disconnected"},
}};

}  // namespace

std::string_view ConnectionStatusName(ConnectionStatus status) {
    for (const auto& [value, name] : kStatusNames) {
        if (value == status) {
            return name;
        }
    }
    return "active";
}

std::optional<ConnectionStatus> ParseConnectionStatus(std::string_view name) {
    for (const auto& [value, text] : kStatusNames) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace scs
