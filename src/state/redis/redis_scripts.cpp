#include "state/redis/redis_scripts.hpp"

#include <array>

#include <openssl/sha.h>

namespace scs {
namespace {

constexpr std::string_view kAcquire = R"lua(
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
)lua";

constexpr std::string_view kRenew = R"lua(
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
)lua";

constexpr std::string_view kRelease = R"lua(
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return false
end
return holder
)lua";

constexpr std::string_view kGetLease = R"lua(
local holder = redis.call('GET', KEYS[1])
if not holder then
  return false
end
local ttl = redis.call('PTTL', KEYS[1])
local now = redis.call('TIME')
return {holder, now[1] * 1000 + math.floor(now[2] / 1000) + ttl}
)lua";

// The arithmetic of DrawFromBucket (token_bucket.cpp): ARGV in milli-tokens, the level in
// micro-tokens. Every number stays below 2^53, so Lua's doubles hold them exactly. The key
// expires when the bucket would be full again: a missing bucket starts full, so that changes
// nothing, and idle buckets do not pile up.
constexpr std::string_view kTake = R"lua(
local now = redis.call('TIME')
now = now[1] * 1000 + math.floor(now[2] / 1000)
local capacity = tonumber(ARGV[1]) * 1000
local rate = tonumber(ARGV[2])
local tokens = tonumber(ARGV[3]) * 1000
local level = capacity
local saved = redis.call('HMGET', KEYS[1], 'level', 'updated')
if saved[1] and saved[2] then
  level = math.min(tonumber(saved[1]), capacity)
  local elapsed = math.max(now - tonumber(saved[2]), 0)
  if elapsed >= math.ceil((capacity - level) / rate) then
    level = capacity
  else
    level = level + elapsed * rate
  end
end
if tokens > level then
  return {0, level, math.ceil((tokens - level) / rate)}
end
level = level - tokens
redis.call('HSET', KEYS[1], 'level', string.format('%.0f', level),
           'updated', string.format('%.0f', now))
local full_in = math.ceil((capacity - level) / rate)
redis.call('PEXPIRE', KEYS[1], string.format('%.0f', full_in + 1000))
return {1, level, 0}
)lua";

std::string Sha1Hex(std::string_view text) {
    std::array<unsigned char, SHA_DIGEST_LENGTH> digest{};
    SHA1(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
    constexpr std::string_view kHex = "0123456789abcdef";
    std::string hex;
    for (const unsigned char byte : digest) {
        hex.push_back(kHex[byte >> 4]);
        hex.push_back(kHex[byte & 0x0f]);
    }
    return hex;
}

RedisScript Script(std::string_view name, std::string_view source) {
    return RedisScript{name, source, Sha1Hex(source)};
}

}  // namespace

RedisScripts MakeRedisScripts() {
    return RedisScripts{Script("acquire", kAcquire),
                        Script("renew", kRenew),
                        Script("release", kRelease),
                        Script("get_lease", kGetLease),
                        Script("take", kTake)};
}

}  // namespace scs
