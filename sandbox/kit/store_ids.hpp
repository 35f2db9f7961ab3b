#pragma once

#include <atomic>
#include <cstdint>
#include <string>

// The store ids every platform of one sandbox draws from, so an id names one store whatever its
// platform: "store_1", "store_2", … in creation order. Owned by the server; thread-safe.
namespace scs::sandbox {

class StoreIds {
public:
    std::string Next() { return "store_" + std::to_string(next_++); }

private:
    std::atomic<int64_t> next_{1};
};

}  // namespace scs::sandbox
