#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/listing.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"

// The store's catalogue as the last products sync saw it (table `listings`, migration 0007): one
// row per connection + platform variant, mapping SKU <-> product, variant and inventory item.
// The functions taking an SqlSession run inside the caller's transaction (one per synced page).
namespace scs {

struct StoredListing {
    int64_t connection_id = 0;
    Listing listing;
    int64_t last_seen_run = 0;  // the products sync run that last saw it on the platform
    TimePoint updated_at{};     // when its content last changed here
};

struct ListingUpsertCounts {
    int64_t created = 0;
    int64_t updated = 0;
    int64_t unchanged = 0;
};

// Inserts or updates the page's listings (keyed by connection + variant id) and stamps each with
// `run_id`. A listing whose fields are all equal is only re-stamped (counted unchanged).
[[nodiscard]] Result<ListingUpsertCounts> UpsertListings(SqlSession& tx,
                                                         int64_t connection_id,
                                                         int64_t run_id,
                                                         const std::vector<Listing>& listings,
                                                         TimePoint now);

// After a complete products sync: deletes the connection's listings the run did not see (the
// variant was deleted on the platform). Returns how many were deleted.
[[nodiscard]] Result<int64_t> RemoveUnseenListings(SqlSession& tx,
                                                   int64_t connection_id,
                                                   int64_t run_id);

// A SKU that more than one variant of the store carries (the push cannot tell them apart).
struct DuplicateSku {
    std::string sku;
    std::vector<std::string> variant_ids;  // sorted

    bool operator==(const DuplicateSku&) const = default;
};

// The connection's non-empty SKUs held by two or more listings, by SKU.
[[nodiscard]] Result<std::vector<DuplicateSku>> FindDuplicateSkus(SqlExecutor& executor,
                                                                  int64_t connection_id);

// The connection's listings carrying each of `skus` (a SKU absent from the map has none; a SKU
// with several entries is a duplicate).
[[nodiscard]] Result<std::map<std::string, std::vector<StoredListing>>> FindListingsBySku(
    SqlSession& session, int64_t connection_id, const std::vector<std::string>& skus);

struct ListingQuery {
    int64_t connection_id = 0;
    std::string sku;     // exact match; empty: all
    std::string cursor;  // opaque, from the previous page
    int limit = 50;      // 1-200
};

struct ListingPage {
    std::vector<StoredListing> listings;  // ordered by (sku, variant id)
    std::string next_cursor;              // empty on the last page
};

// kBadRequest (field "cursor" or "limit") for a malformed cursor or limit.
[[nodiscard]] Result<ListingPage> ListListings(SqlExecutor& executor, const ListingQuery& query);

}  // namespace scs
