// WooSite: API keys, authentication, knobs, faults and counters.
#include <fmt/format.h>

#include "sandbox/woocommerce/woo_site.hpp"

namespace scs::sandbox::woocommerce {

WpResult<std::optional<ApiKey>> WooSite::Authenticate(const AuthInput& input, TimePoint now) {
    const std::lock_guard lock(mutex_);
    return woocommerce::Authenticate(keys_, input, now);
}

ApiKey WooSite::CreateExchangeKey(const std::string& app_name,
                                  const std::string& scope,
                                  TimePoint now) {
    const std::lock_guard lock(mutex_);
    const std::string description =
        fmt::format("{} - API ({})", app_name.substr(0, 170), FormatRfc3339(now));
    const int64_t key_id = keys_.Add(NewKey("ck_"), NewKey("cs_"), scope, description);
    for (const auto& key : keys_.All()) {
        if (key.key_id == key_id) {
            return key;
        }
    }
    return {};
}

void WooSite::DeleteKey(int64_t key_id) {
    const std::lock_guard lock(mutex_);
    keys_.Remove(key_id);
}

Status WooSite::PatchKnobs(const boost::json::object& body) {
    const std::lock_guard lock(mutex_);
    if (auto applied = ApplySiteKnobs(body, knobs_); !applied) {
        return applied;
    }
    rate_limit_seen_ = 0;
    return {};
}

SiteKnobs WooSite::Knobs() const {
    const std::lock_guard lock(mutex_);
    return knobs_;
}

FaultPlan WooSite::DrawFault() {
    const std::lock_guard lock(mutex_);
    FaultPlan plan;
    plan.latency_ms = knobs_.latency_ms;
    plan.retry_after = knobs_.retry_after;
    plan.html = knobs_.html_errors;
    plan.strip_authorization = knobs_.strip_authorization;
    plan.malformed_json = knobs_.malformed_json;
    if (!knobs_.rate_limit.empty()) {
        if (knobs_.rate_limit_remaining_ok > 0) {
            --knobs_.rate_limit_remaining_ok;
        } else if (++rate_limit_seen_ % knobs_.rate_limit_every == 0) {
            plan.status = knobs_.rate_limit == "429" ? 429 : 503;
            if (knobs_.rate_limit_count > 0 && --knobs_.rate_limit_count == 0) {
                knobs_.rate_limit.clear();
            }
        }
    }
    if (plan.status == 0 && knobs_.error_rate > 0 && NextUnitDraw() < knobs_.error_rate) {
        plan.status = 500;
    }
    if (plan.status != 0) {
        ++counters_["faults"];
    }
    return plan;
}

void WooSite::CountRequest(const std::string& route, int status) {
    const std::lock_guard lock(mutex_);
    ++requests_[route][std::to_string(status)];
    ++counters_["requests"];
}

void WooSite::CountEvent(const std::string& name) {
    const std::lock_guard lock(mutex_);
    ++counters_[name];
}

}  // namespace scs::sandbox::woocommerce
