-- Push back to the stores (src/storage/listing_store.hpp, push_store.hpp): the store's catalogue
-- as the products sync saw it, push records and their items, pending inventory and the ledger.
-- Times are unix milliseconds; JSON is TEXT. Like 0006, rows carry connection_id without a
-- foreign key.

-- One row per connection + platform variant; sku may be empty (the platform has none).
CREATE TABLE listings (
    connection_id INTEGER NOT NULL,
    variant_id TEXT NOT NULL,
    sku TEXT NOT NULL DEFAULT '',
    product_id TEXT NOT NULL,
    inventory_item_id TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    tracked INTEGER NOT NULL DEFAULT 1 CHECK (tracked IN (0, 1)),
    last_seen_run INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (connection_id, variant_id)
);

CREATE INDEX listings_connection_sku ON listings (connection_id, sku, variant_id);

-- One row per accepted push request. A NULL idempotency key (the client sent none for an
-- inventory push) never collides: every such request is a new push.
CREATE TABLE pushes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    connection_id INTEGER NOT NULL,
    seller_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('inventory', 'fulfillment', 'status')),
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'skipped')),
    idempotency_key TEXT,
    order_external_id TEXT NOT NULL DEFAULT '',
    request_json TEXT NOT NULL DEFAULT '{}',
    result_json TEXT NOT NULL DEFAULT '',
    error_code TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    finished_at INTEGER,
    UNIQUE (connection_id, kind, idempotency_key)
);

CREATE INDEX pushes_connection ON pushes (connection_id, id);

-- The lines of an inventory push, each with its own outcome.
CREATE TABLE push_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    push_id INTEGER NOT NULL REFERENCES pushes (id) ON DELETE CASCADE,
    sku TEXT NOT NULL,
    hub_code TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    location_id TEXT NOT NULL DEFAULT '',
    pushed_quantity INTEGER,
    state TEXT NOT NULL CHECK (state IN ('queued', 'done', 'skipped', 'coalesced', 'failed')),
    error_code TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);

CREATE INDEX push_items_push ON push_items (push_id, id);

-- The newest item not yet pushed per connection + SKU + hub (coalescing).
CREATE TABLE inventory_pending (
    connection_id INTEGER NOT NULL,
    sku TEXT NOT NULL,
    hub_code TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    push_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    PRIMARY KEY (connection_id, sku, hub_code)
);

CREATE INDEX inventory_pending_connection_item ON inventory_pending (connection_id, item_id);

-- What the store was last set to (or seen holding) per connection + SKU + location; push_id is 0
-- when the quantity was only observed.
CREATE TABLE inventory_ledger (
    connection_id INTEGER NOT NULL,
    sku TEXT NOT NULL,
    location_id TEXT NOT NULL,
    inventory_item_id TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL,
    push_id INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (connection_id, sku, location_id)
);
