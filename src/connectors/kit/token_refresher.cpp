#include "connectors/kit/token_refresher.hpp"

#include <utility>

#include "security/crypto.hpp"

namespace scs::kit {
namespace {

constexpr auto kLockTtl = std::chrono::seconds(30);

std::string Field(const Credentials& credentials, const std::string& name) {
    const auto it = credentials.find(name);
    return it == credentials.end() ? std::string() : it->second;
}

// Fresh tokens another process stored: a different access token that is not about to expire.
bool HasNewerToken(const Credentials& stored, const std::string& stale_token, TimePoint now) {
    const std::string token = Field(stored, "access_token");
    return !token.empty() && token != stale_token && !TokenExpiresSoon(stored, now);
}

}  // namespace

TokenRefresher::TokenRefresher(StateStore* state,
                               const TimeSource& clock,
                               Sleep sleep,
                               std::string_view platform,
                               std::string_view lock_prefix)
    : state_(state),
      clock_(clock),
      sleep_(std::move(sleep)),
      platform_(platform),
      lock_prefix_(lock_prefix) {}

Status TokenRefresher::EnsureFresh(ConnectorSession& session,
                                   bool rejected,
                                   const RefreshCall& refresh) {
    if (!rejected && !TokenExpiresSoon(session.credentials, clock_.Now())) {
        return {};
    }
    const bool can_refresh =
        session.vault != nullptr && !Field(session.credentials, "refresh_token").empty();
    if (!can_refresh) {
        // A non-expiring token has nothing to refresh; a rejected one is dead.
        if (rejected) {
            return Fail(ErrorCode::kInvalidCredentials,
                        platform_ + " rejected the access token and it cannot be refreshed");
        }
        return {};
    }
    const std::string stale_token = Field(session.credentials, "access_token");
    if (state_ == nullptr) {
        return RefreshLocked(session, stale_token, refresh);
    }
    const std::string lock = lock_prefix_ + std::to_string(session.connection.id);
    const std::string owner = RandomToken(16);
    auto locked = state_->TryLock(lock, owner, kLockTtl);
    if (!locked) {
        return tl::unexpected(locked.error());
    }
    if (!*locked) {
        return AwaitOtherRefresh(session, stale_token);
    }
    Status refreshed = RefreshLocked(session, stale_token, refresh);
    static_cast<void>(state_->Unlock(lock, owner));
    return refreshed;
}

Status TokenRefresher::RefreshLocked(ConnectorSession& session,
                                     const std::string& stale_token,
                                     const RefreshCall& refresh) {
    // The previous lock holder may have finished just before we locked: use its tokens rather
    // than rotating again (which would revoke what it is using).
    auto stored = session.vault->Load(session.connection.id);
    if (!stored) {
        return tl::unexpected(stored.error());
    }
    if (HasNewerToken(*stored, stale_token, clock_.Now())) {
        session.credentials = std::move(*stored);
        return {};
    }
    auto grant = refresh(Field(*stored, "refresh_token"));
    if (!grant) {
        return tl::unexpected(grant.error());
    }
    Credentials rotated = *stored;
    ApplyGrant(*grant, rotated);
    // Saved before use: the old refresh token is spent, so losing these would lose the store.
    if (auto saved = session.vault->Save(session.connection.id, rotated); !saved) {
        return tl::unexpected(saved.error());
    }
    session.credentials = std::move(rotated);
    return {};
}

Status TokenRefresher::AwaitOtherRefresh(ConnectorSession& session,
                                         const std::string& stale_token) {
    for (auto waited = std::chrono::milliseconds(0); waited < kLoserWait; waited += kLoserPoll) {
        sleep_(kLoserPoll);
        auto stored = session.vault->Load(session.connection.id);
        if (!stored) {
            return tl::unexpected(stored.error());
        }
        if (HasNewerToken(*stored, stale_token, clock_.Now())) {
            session.credentials = std::move(*stored);
            return {};
        }
    }
    return Fail(
        ErrorCode::kUnavailable,
        "another process is refreshing this store's " + platform_ + " token and has not finished");
}

}  // namespace scs::kit
