// SandboxStore: tokens and the JSON views the control API serves.
#include "sandbox/shopify/sandbox_store.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

json::object BucketJson(const BucketStatus& status) {
    return {{"maximumAvailable", status.maximum_available},
            {"currentlyAvailable", static_cast<int64_t>(status.currently_available)},
            {"restoreRate", status.restore_rate}};
}

}  // namespace

bool SandboxStore::AcceptsToken(std::string_view token, TimePoint now) const {
    const std::lock_guard lock(mutex_);
    return tokens_.Accepts(token, now);
}

std::string SandboxStore::IssueOAuthCode(std::string scope) {
    const std::lock_guard lock(mutex_);
    return tokens_.IssueCode(std::move(scope));
}

Result<IssuedToken> SandboxStore::ExchangeOAuthCode(const std::string& code,
                                                    bool expiring,
                                                    TimePoint now) {
    const std::lock_guard lock(mutex_);
    return tokens_.ExchangeCode(code, expiring, now);
}

Result<IssuedToken> SandboxStore::RefreshOAuthToken(const std::string& refresh_token,
                                                    TimePoint now) {
    const std::lock_guard lock(mutex_);
    return tokens_.Refresh(refresh_token, now);
}

IssuedToken SandboxStore::ClientCredentialsToken(TimePoint now) {
    const std::lock_guard lock(mutex_);
    return tokens_.ClientCredentials(now);
}

void SandboxStore::ExpireAccessTokens(TimePoint now) {
    const std::lock_guard lock(mutex_);
    tokens_.ExpireAccessTokens(now);
}

json::object SandboxStore::Describe(const std::string& base_url) const {
    const std::lock_guard lock(mutex_);
    return {
        {"id", id_},
        {"platform", spec_.platform},
        {"shop", spec_.shop},
        {"base_url", base_url},
        {"currency", spec_.currency.empty() ? json::value("mixed") : json::value(spec_.currency)},
        {"oauth", !spec_.client_id.empty()},
        {"bucket_size", spec_.bucket_size},
        {"restore_rate", spec_.restore_rate},
        {"max_query_cost", spec_.max_query_cost},
        {"orders", book_.Size()},
        {"knobs", KnobsToJson(knobs_)}};
}

json::object SandboxStore::Stats() const {
    const std::lock_guard lock(mutex_);
    return {{"requests", requests_},
            {"throttled", throttled_},
            {"points_spent", points_spent_},
            {"max_bucket_used", max_bucket_used_},
            {"bucket", BucketJson(bucket_.Status(std::chrono::steady_clock::now()))},
            {"orders", book_.Size()},
            {"inventory_set_calls", inventory_set_calls_},
            {"inventory_set_replays", inventory_set_replays_},
            {"fulfillments_created", fulfillments_created_},
            {"cancels", cancels_},
            {"closes", closes_}};
}

json::object SandboxStore::Webhooks() const {
    json::array subscriptions;
    {
        const std::lock_guard lock(mutex_);
        for (const auto& s : subscriptions_) {
            subscriptions.push_back({{"id", s.id},
                                     {"topic", s.topic},
                                     {"address", s.uri},
                                     {"api_version", s.api_version},
                                     {"created_at", s.created_at}});
        }
    }
    return {{"subscriptions", std::move(subscriptions)}, {"deliveries", log_->ToJson()}};
}

}  // namespace scs::sandbox
