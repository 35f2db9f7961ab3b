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

Status CheckConnectionActive(const Connection& connection, ErrorCode when_disconnected) {
    switch (connection.status) {
        case ConnectionStatus::kActive:
            return {};
        case ConnectionStatus::kPaused:
            return Fail(ErrorCode::kConflict, "the sales channel connection is paused");
        case ConnectionStatus::kReauthRequired:
            return Fail(ErrorCode::kInvalidCredentials,
                        "the platform rejected the stored credentials; reconnect the store");
        case ConnectionStatus::kDisconnected:
            break;
    }
    return Fail(when_disconnected,
                when_disconnected == ErrorCode::kNotFound
                    ? "no such sales channel connection"
                    : "the sales channel connection is disconnected");
}

}  // namespace scs
