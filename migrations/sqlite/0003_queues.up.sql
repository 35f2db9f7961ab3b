-- Durable FIFO queues of the embedded deployment (src/jobs/sqlite/). One row per message of
-- every queue and dead-letter queue; times are unix milliseconds.
CREATE TABLE queue_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- the message id, and its order within its group
    queue TEXT NOT NULL,
    group_id TEXT NOT NULL,
    body TEXT NOT NULL,
    dedup_id TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    visible_at INTEGER NOT NULL,           -- receivable from then on; later while in flight
    -- 1 for the oldest message of its (queue, group_id), the only one that may be received.
    head INTEGER NOT NULL,
    receipt TEXT NOT NULL DEFAULT '',      -- the latest receive's receipt
    receive_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    source_queue TEXT NOT NULL DEFAULT '', -- dead letters: the queue the message died in
    dead_reason TEXT NOT NULL DEFAULT '',
    dead_at INTEGER NOT NULL DEFAULT 0
);

-- Receive reads the receivable group heads; the group index finds a group's next message.
CREATE INDEX queue_messages_ready ON queue_messages (queue, head, visible_at);
CREATE INDEX queue_messages_group ON queue_messages (queue, group_id, id);

-- Deduplication ids seen in the last five minutes, per queue.
CREATE TABLE queue_dedup (
    queue TEXT NOT NULL,
    dedup_id TEXT NOT NULL,
    message_id INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (queue, dedup_id)
) WITHOUT ROWID;

CREATE INDEX queue_dedup_expiry ON queue_dedup (queue, expires_at);
