DROP TABLE queue_dedup;
DROP TABLE queue_messages;
