#pragma once

#include <boost/json/object.hpp>

#include "storage/sync_run_store.hpp"
#include "sync/sync_service.hpp"

// The API's JSON for sync runs and the sync status. Pure; thread-safe.
namespace scs {

// {is_valid, last_sync, retry_after (seconds or null), enable_button, current_status}.
boost::json::object SyncStatusJson(const SyncStatusView& status);

// id, entity, trigger, status, from, cursor, high_watermark, counts {pages, seen, created,
// updated, unchanged, failed, recovered}, failures [{external_id, error}], error, attempts,
// created_at, started_at, finished_at.
boost::json::object SyncRunJson(const SyncRun& run);

}  // namespace scs
