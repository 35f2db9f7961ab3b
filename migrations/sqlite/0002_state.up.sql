-- Sync state for the embedded default (src/state/sqlite/); PostgreSQL deployments keep it in
-- Redis. Times are unix milliseconds; bucket levels are integer micro-tokens
-- (src/state/token_bucket.hpp).

-- Leases ('lease') and single-flight locks ('lock'), in separate key spaces. A row whose
-- expires_at has passed is free and is overwritten by the next acquire.
CREATE TABLE state_leases (
    kind TEXT NOT NULL CHECK (kind IN ('lease', 'lock')),
    key TEXT NOT NULL,
    owner TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
);

-- The last completed sync per connection and entity. No foreign key: state is kept apart from
-- the service database on Redis deployments, and both backends behave the same.
CREATE TABLE state_last_sync (
    connection_id INTEGER NOT NULL,
    entity TEXT NOT NULL,
    synced_at INTEGER NOT NULL,
    PRIMARY KEY (connection_id, entity)
);

-- Token buckets: the level at updated_at; refill is computed on each draw.
CREATE TABLE state_buckets (
    name TEXT PRIMARY KEY,
    level INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
