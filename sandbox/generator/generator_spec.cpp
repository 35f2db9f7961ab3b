#include "sandbox/generator/generator_spec.hpp"

#include <string>

#include "core/money.hpp"
#include "sandbox/kit/spec_reader.hpp"

namespace scs::sandbox {

Status ReadGeneratorSettings(const boost::json::object& body,
                             TimePoint now,
                             GeneratorSettings& settings) {
    std::string anchor;
    if (auto read = FirstFailure({ReadNumber(body, "seed", 0, 9e15, settings.seed),
                                  ReadText(body, "currency", settings.currency),
                                  ReadText(body, "anchor_time", anchor)});
        !read) {
        return read;
    }
    if (!settings.currency.empty() && !CurrencyExponent(settings.currency)) {
        return FailField("currency", "unknown ISO 4217 currency");
    }
    settings.anchor = std::chrono::floor<std::chrono::hours>(now);
    if (!anchor.empty()) {
        auto parsed = ParseRfc3339(anchor);
        if (!parsed) {
            return FailField("anchor_time", "must be an RFC 3339 time");
        }
        settings.anchor = *parsed;
    }
    return {};
}

}  // namespace scs::sandbox
