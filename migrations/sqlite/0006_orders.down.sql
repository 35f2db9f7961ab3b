DROP TABLE webhook_events;
DROP TABLE sync_cursors;
DROP TABLE sync_runs;
DROP TABLE orders;
