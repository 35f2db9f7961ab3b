#pragma once

#include <string>
#include <string_view>

namespace scs {

// One Lua script and its SHA-1, for EVALSHA with an EVAL fallback on NOSCRIPT.
struct RedisScript {
    std::string_view name;  // for error messages
    std::string_view source;
    std::string sha1;  // lower-case hex
};

// The Lua scripts of RedisStateStore. Each touches one key (KEYS[1]), so Redis runs it
// atomically and it works on a cluster too. Time is the server's (TIME, PX expiry), so every
// process agrees on it whatever its own clock says.
struct RedisScripts {
    // ARGV: owner, ttl ms -> 1 when taken (free, or already the owner's: TTL restarted), else 0.
    RedisScript acquire;
    // ARGV: owner, ttl ms -> 1 when the owner held it (TTL restarted), else 0.
    RedisScript renew;
    // ARGV: owner -> nil when released or free; the other holder's name when refused.
    RedisScript release;
    // -> nil when free; {owner, expires_at unix ms}.
    RedisScript get_lease;
    // ARGV: capacity, refill per second, tokens (milli-tokens) -> {granted 0/1, remaining
    // milli-tokens, retry_after ms}; the same arithmetic as DrawFromBucket (token_bucket.hpp).
    RedisScript take;
};

// The scripts with their SHA-1s computed.
RedisScripts MakeRedisScripts();

}  // namespace scs
