-- Canonical orders, sync runs and cursors, and raw webhook events (src/storage/order_store.hpp,
-- sync_run_store.hpp, webhook_event_store.hpp). Times are unix milliseconds; JSON is TEXT.

-- One row per connection + platform order; `id` is the canonical order id. `stored_at` is when
-- the current version was stored (the body's received_at); `updated_at` is the platform's.
CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    seller_id TEXT NOT NULL,
    connection_id INTEGER NOT NULL,
    external_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    stored_at INTEGER NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (connection_id, external_id)
);

-- The API lists a seller's orders (optionally one connection's) by (stored_at, id) keyset.
CREATE INDEX orders_seller_stored ON orders (seller_id, stored_at, id);
CREATE INDEX orders_connection_stored ON orders (connection_id, stored_at, id);

CREATE TABLE sync_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    connection_id INTEGER NOT NULL,
    seller_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    trigger_kind TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    from_time INTEGER,                      -- NULL: everything
    platform_cursor TEXT NOT NULL DEFAULT '',
    high_watermark INTEGER,
    pages INTEGER NOT NULL DEFAULT 0,
    seen INTEGER NOT NULL DEFAULT 0,
    created INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    recovered INTEGER NOT NULL DEFAULT 0,
    failures TEXT NOT NULL DEFAULT '[]',   -- [{"external_id","error"}], capped per run
    error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER
);

CREATE INDEX sync_runs_connection ON sync_runs (connection_id, entity, id);

-- The high-water mark of platform updated times per connection and entity; only ever raised.
CREATE TABLE sync_cursors (
    connection_id INTEGER NOT NULL,
    entity TEXT NOT NULL,
    watermark INTEGER NOT NULL,
    PRIMARY KEY (connection_id, entity)
);

-- Webhook deliveries as received; the unique key drops the platform's duplicate deliveries.
CREATE TABLE webhook_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    connection_id INTEGER NOT NULL,
    topic TEXT NOT NULL,
    dedup_key TEXT NOT NULL,
    headers_json TEXT NOT NULL DEFAULT '{}',
    body TEXT NOT NULL,
    triggered_at INTEGER,
    received_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'processed', 'ignored', 'failed')),
    error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    processed_at INTEGER,
    UNIQUE (platform, connection_id, dedup_key)
);

CREATE INDEX webhook_events_connection_status ON webhook_events (connection_id, status, id);
CREATE INDEX webhook_events_status ON webhook_events (status, id);
