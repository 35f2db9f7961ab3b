-- The transactional outbox (src/jobs/outbox/): messages written in the same transaction as the
-- data they announce, published to their queue afterwards by the OutboxRelay. Times are unix
-- milliseconds.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- publish order
    queue TEXT NOT NULL,                   -- unprefixed queue name, e.g. 'oms-orders'
    group_id TEXT NOT NULL,
    dedup_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,   -- failed publish attempts
    last_error TEXT,                       -- why the latest attempt failed
    claimed_by TEXT,                       -- the relay holding the row; after sending, the sender
    -- Not claimable before this time: the end of a relay's claim, or of a retry backoff.
    claimed_until INTEGER,
    sent_at INTEGER                        -- NULL while pending
);

-- Relays claim pending rows in id order; sent rows are only kept until pruned.
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
