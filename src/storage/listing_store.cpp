#include "storage/listing_store.hpp"

#include <algorithm>

#include "storage/store_paging.hpp"
#include "storage/store_rows.hpp"

namespace scs {
namespace {

// The columns every read returns, in the order ListingFromRow expects.
constexpr std::string_view kColumns =
    "connection_id, sku, product_id, variant_id, inventory_item_id, title, tracked, "
    "last_seen_run, updated_at";

enum Column : size_t {
    kConnectionId,
    kSku,
    kProductId,
    kVariantId,
    kInventoryItemId,
    kTitle,
    kTracked,
    kLastSeenRun,
    kUpdatedAt,
};

// A concurrent insert of the same variant makes this wait for the other transaction, then do
// nothing: the loser goes on to compare and update.
constexpr std::string_view kInsert =
    "INSERT INTO listings (connection_id, variant_id, sku, product_id, inventory_item_id, title, "
    "tracked, last_seen_run, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "ON CONFLICT (connection_id, variant_id) DO NOTHING RETURNING variant_id";

constexpr std::string_view kUpdate =
    "UPDATE listings SET sku = $3, product_id = $4, inventory_item_id = $5, title = $6, "
    "tracked = $7, last_seen_run = $8, updated_at = $9 "
    "WHERE connection_id = $1 AND variant_id = $2";

constexpr std::string_view kStamp =
    "UPDATE listings SET last_seen_run = $3 WHERE connection_id = $1 AND variant_id = $2";

// Keeps listings a later run stamped: that run saw them.
constexpr std::string_view kRemoveUnseen =
    "DELETE FROM listings WHERE connection_id = $1 AND last_seen_run < $2 RETURNING variant_id";

constexpr std::string_view kDuplicates =
    "SELECT sku, variant_id FROM listings WHERE connection_id = $1 AND sku IN "
    "(SELECT sku FROM listings WHERE connection_id = $1 AND sku <> '' GROUP BY sku "
    "HAVING count(*) > 1)";

// Well under SQLite's and PostgreSQL's limits on parameters per statement.
constexpr size_t kSkusPerQuery = 500;

std::string Select(std::string_view where) {
    return "SELECT " + std::string(kColumns) + " FROM listings " + std::string(where);
}

Result<StoredListing> ListingFromRow(const SqlRow& row) {
    RowReader reader(row, "listings");
    StoredListing stored;
    stored.connection_id = reader.Int(kConnectionId, "connection_id");
    stored.listing.sku = reader.Text(kSku);
    stored.listing.product_id = reader.Text(kProductId);
    stored.listing.variant_id = reader.Text(kVariantId);
    stored.listing.inventory_item_id = reader.Text(kInventoryItemId);
    stored.listing.title = reader.Text(kTitle);
    stored.listing.tracked = row.Bool(kTracked);
    stored.last_seen_run = reader.Int(kLastSeenRun, "last_seen_run");
    stored.updated_at = reader.Time(kUpdatedAt, "updated_at");
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    return stored;
}

Result<std::vector<StoredListing>> ListingsFromRows(Result<SqlRows> rows) {
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    std::vector<StoredListing> listings;
    listings.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        auto listing = ListingFromRow(row);
        if (!listing) {
            return tl::unexpected(std::move(listing.error()));
        }
        listings.push_back(std::move(*listing));
    }
    return listings;
}

SqlParams ListingParams(int64_t connection_id,
                        const Listing& listing,
                        int64_t run_id,
                        TimePoint now) {
    return {connection_id,
            listing.variant_id,
            listing.sku,
            listing.product_id,
            listing.inventory_item_id,
            listing.title,
            int64_t{listing.tracked ? 1 : 0},
            run_id,
            ToUnixMillis(now)};
}

// On PostgreSQL the row lock makes concurrent upserts of one variant take turns.
Result<Listing> ReadStoredLocked(SqlSession& tx, int64_t connection_id, const Listing& listing) {
    auto stored = ListingsFromRows(
        tx.Exec(Select("WHERE connection_id = $1 AND variant_id = $2") + std::string(ForUpdate(tx)),
                {connection_id, listing.variant_id}));
    if (!stored) {
        return tl::unexpected(std::move(stored.error()));
    }
    if (stored->empty()) {
        return Fail(ErrorCode::kInternal,
                    "listing " + listing.variant_id + " vanished during its upsert");
    }
    return std::move(stored->front().listing);
}

// Adds the outcome of one listing to `counts`.
Status UpsertOne(SqlSession& tx,
                 const SqlParams& params,
                 const Listing& listing,
                 ListingUpsertCounts& counts) {
    auto inserted = tx.Exec(kInsert, params);
    if (!inserted) {
        return tl::unexpected(std::move(inserted.error()));
    }
    if (!inserted->empty()) {
        ++counts.created;
        return {};
    }
    const int64_t connection_id = std::get<int64_t>(params.at(0));
    auto stored = ReadStoredLocked(tx, connection_id, listing);
    if (!stored) {
        return tl::unexpected(std::move(stored.error()));
    }
    if (*stored == listing) {
        ++counts.unchanged;
        auto stamped = tx.Exec(kStamp, {connection_id, listing.variant_id, params.at(7)});
        return stamped ? Status{} : tl::unexpected(std::move(stamped.error()));
    }
    ++counts.updated;
    auto updated = tx.Exec(kUpdate, params);
    return updated ? Status{} : tl::unexpected(std::move(updated.error()));
}

// The listing filter and keyset, numbered from $2 ($1 is the connection).
Result<SqlParams> ListParams(const ListingQuery& query, std::string& where) {
    SqlParams params{query.connection_id};
    where = "WHERE connection_id = $1";
    if (!query.sku.empty()) {
        params.emplace_back(query.sku);
        where += " AND sku = $" + std::to_string(params.size());
    }
    if (!query.cursor.empty()) {
        const auto key = DecodeTextKeyCursor(query.cursor);
        if (!key) {
            return FailField("cursor", "cursor: not a cursor this API returned");
        }
        params.emplace_back(key->first);
        const std::string sku = "$" + std::to_string(params.size());
        params.emplace_back(key->second);
        const std::string variant = "$" + std::to_string(params.size());
        where += " AND (sku > " + sku + " OR (sku = " + sku + " AND variant_id > " + variant + "))";
    }
    return params;
}

}  // namespace

Result<ListingUpsertCounts> UpsertListings(SqlSession& tx,
                                           int64_t connection_id,
                                           int64_t run_id,
                                           const std::vector<Listing>& listings,
                                           TimePoint now) {
    ListingUpsertCounts counts;
    for (const Listing& listing : listings) {
        if (listing.variant_id.empty()) {
            return FailField("variant_id", "a listing to store needs its variant id");
        }
        const SqlParams params = ListingParams(connection_id, listing, run_id, now);
        if (auto done = UpsertOne(tx, params, listing, counts); !done) {
            return tl::unexpected(std::move(done.error()));
        }
    }
    return counts;
}

Result<int64_t> RemoveUnseenListings(SqlSession& tx, int64_t connection_id, int64_t run_id) {
    auto removed = tx.Exec(kRemoveUnseen, {connection_id, run_id});
    if (!removed) {
        return tl::unexpected(std::move(removed.error()));
    }
    return static_cast<int64_t>(removed->size());
}

Result<std::vector<DuplicateSku>> FindDuplicateSkus(SqlExecutor& executor, int64_t connection_id) {
    auto rows = TransactValue<SqlRows>(executor, TxMode::kRead, [&](SqlSession& session) {
        return session.Exec(kDuplicates, {connection_id});
    });
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    // Sorted here rather than in SQL, so both dialects order alike whatever their collation.
    std::map<std::string, std::vector<std::string>> by_sku;
    for (const SqlRow& row : *rows) {
        by_sku[row.Text(0)].push_back(row.Text(1));
    }
    std::vector<DuplicateSku> duplicates;
    for (auto& [sku, variant_ids] : by_sku) {
        std::sort(variant_ids.begin(), variant_ids.end());
        duplicates.push_back({sku, std::move(variant_ids)});
    }
    return duplicates;
}

Result<std::map<std::string, std::vector<StoredListing>>> FindListingsBySku(
    SqlSession& session, int64_t connection_id, const std::vector<std::string>& skus) {
    std::vector<std::string> distinct = skus;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::map<std::string, std::vector<StoredListing>> by_sku;
    for (const auto& chunk : Chunked(distinct, kSkusPerQuery)) {
        SqlParams params{connection_id};
        const std::string in_list = AppendInList(params, chunk);
        auto listings = ListingsFromRows(session.Exec(
            Select("WHERE connection_id = $1 AND sku IN " + in_list + " ORDER BY sku, variant_id"),
            params));
        if (!listings) {
            return tl::unexpected(std::move(listings.error()));
        }
        for (StoredListing& listing : *listings) {
            by_sku[listing.listing.sku].push_back(std::move(listing));
        }
    }
    return by_sku;
}

Result<ListingPage> ListListings(SqlExecutor& executor, const ListingQuery& query) {
    if (auto checked = CheckListLimit(query.limit); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    std::string where;
    auto params = ListParams(query, where);
    if (!params) {
        return tl::unexpected(std::move(params.error()));
    }
    // One row more than asked tells whether another page follows.
    params->emplace_back(int64_t{query.limit} + 1);
    const std::string sql =
        Select(where + " ORDER BY sku, variant_id LIMIT $" + std::to_string(params->size()));
    auto listings = TransactValue<std::vector<StoredListing>>(
        executor, TxMode::kRead, [&](SqlSession& session) {
            return ListingsFromRows(session.Exec(sql, *params));
        });
    if (!listings) {
        return tl::unexpected(std::move(listings.error()));
    }
    ListingPage page;
    if (listings->size() > static_cast<size_t>(query.limit)) {
        listings->resize(static_cast<size_t>(query.limit));
        const Listing& last = listings->back().listing;
        page.next_cursor = EncodeTextKeyCursor({last.sku, last.variant_id});
    }
    page.listings = std::move(*listings);
    return page;
}

}  // namespace scs
