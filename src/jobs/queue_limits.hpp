#pragma once

#include <chrono>
#include <cstddef>

#include "core/result.hpp"
#include "jobs/queue.hpp"

// The limits every Queue backend enforces, taken from SQS so both backends accept the same input.
namespace scs {

inline constexpr int kMaxReceiveBatch = 10;
inline constexpr std::chrono::milliseconds kMaxReceiveWait = std::chrono::seconds(20);
inline constexpr std::chrono::milliseconds kMaxVisibility = std::chrono::hours(12);
inline constexpr std::chrono::milliseconds kDedupWindow = std::chrono::minutes(5);
inline constexpr size_t kMaxBodyBytes = size_t{256} * 1024;
inline constexpr size_t kMaxIdLength = 128;

// kBadRequest (naming the field) unless the body is non-empty text of at most kMaxBodyBytes
// without control characters other than tab, LF and CR, and group_id and dedup_id are 1-128
// printable ASCII characters.
[[nodiscard]] Status ValidateOutgoing(const OutgoingMessage& message);

// kBadRequest unless max_messages is 1-10, wait 0-20 s and visibility_timeout 0-12 h.
[[nodiscard]] Status ValidateReceive(int max_messages,
                                     std::chrono::milliseconds wait,
                                     std::chrono::milliseconds visibility_timeout);

// kBadRequest unless the timeout is 0-12 h.
[[nodiscard]] Status ValidateVisibility(std::chrono::milliseconds timeout);

}  // namespace scs
