#pragma once

#include <chrono>

namespace scs {

// Tuning shared by both database dialects. Plain data with defaults; app/config.cpp fills it.
struct StorageConfig {
    int pool_size = 8;                                // max open connections (both dialects)
    std::chrono::milliseconds busy_timeout{5000};     // SQLite busy wait; PG statement/lock wait
    std::chrono::milliseconds connect_timeout{5000};  // PG connect timeout
};

}  // namespace scs
