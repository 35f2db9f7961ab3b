#include "connectors/kit/connector_settings.hpp"

#include <cmath>
#include <cstdlib>

namespace scs::kit {

ConnectorSettings::ConnectorSettings(std::string_view platform,
                                     const std::map<std::string, std::string>& values)
    : platform_(platform), values_(&values) {}

std::optional<std::string> ConnectorSettings::Find(std::string_view key) const {
    const auto found = values_->find(std::string(key));
    if (found == values_->end() || found->second.empty()) {
        return std::nullopt;
    }
    return found->second;
}

void ConnectorSettings::Fail(std::string_view key, std::string_view why, std::string_view value) {
    if (first_error_) {
        return;
    }
    const std::string field = "platforms." + platform_ + "." + std::string(key);
    first_error_ = Error{ErrorCode::kBadRequest,
                         field + ": " + std::string(why) + ", not \"" + std::string(value) + "\"",
                         field,
                         std::nullopt};
}

std::string ConnectorSettings::Text(std::string_view key) const {
    return Find(key).value_or("");
}

double ConnectorSettings::PositiveNumber(std::string_view key, double fallback) {
    const auto text = Find(key);
    if (!text) {
        return fallback;
    }
    char* end = nullptr;
    const double value = std::strtod(text->c_str(), &end);
    if (*end != '\0' || !std::isfinite(value) || value <= 0) {
        Fail(key, "must be a positive number", *text);
        return fallback;
    }
    return value;
}

std::chrono::milliseconds ConnectorSettings::Milliseconds(std::string_view key,
                                                          std::chrono::milliseconds fallback) {
    const double value = PositiveNumber(key, static_cast<double>(fallback.count()));
    return std::chrono::milliseconds(static_cast<int64_t>(value));
}

bool ConnectorSettings::Flag(std::string_view key, bool fallback) {
    const auto text = Find(key);
    if (!text) {
        return fallback;
    }
    if (*text != "true" && *text != "false") {
        Fail(key, "must be true or false", *text);
        return fallback;
    }
    return *text == "true";
}

std::string_view ConnectorSettings::Choice(std::string_view key,
                                           std::initializer_list<std::string_view> choices) {
    const auto text = Find(key);
    for (const std::string_view choice : choices) {
        if (text && *text == choice) {
            return choice;
        }
    }
    if (text) {
        std::string listed;
        for (const std::string_view choice : choices) {
            listed += (listed.empty() ? "" : " or ") + std::string(choice);
        }
        Fail(key, "must be " + listed, *text);
    }
    return *choices.begin();
}

Status ConnectorSettings::Check() const {
    if (first_error_) {
        return tl::unexpected(*first_error_);
    }
    return {};
}

}  // namespace scs::kit
