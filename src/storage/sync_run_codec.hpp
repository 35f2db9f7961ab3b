#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/sql.hpp"
#include "storage/sync_run_store.hpp"

// Rows of `sync_runs` to SyncRun and the failures JSON column both ways (internal to storage/).
// Pure functions.
namespace scs {

// "SELECT <every sync_runs column> FROM sync_runs <where>".
std::string SelectSyncRuns(const std::string& where);

[[nodiscard]] Result<std::vector<SyncRun>> SyncRunsFromRows(const Result<SqlRows>& rows);

// [{"external_id":"…","error":"…"}, …]
std::string EncodeRunFailures(const std::vector<SyncRunFailure>& failures);
[[nodiscard]] Result<std::vector<SyncRunFailure>> DecodeRunFailures(const std::string& json);

}  // namespace scs
