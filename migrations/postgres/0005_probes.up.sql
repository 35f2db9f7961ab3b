-- Probe jobs (`scs queues probe`): each records here once a worker has run it, so an operator
-- (and the crash test) can see that every queue is drained end to end, by which worker, in
-- which order and how many times. Times are unix milliseconds.
CREATE TABLE job_probes (
    id BIGSERIAL PRIMARY KEY,
    run_id TEXT NOT NULL,
    queue TEXT NOT NULL,
    group_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    worker TEXT NOT NULL,
    receive_count INTEGER NOT NULL,
    deliveries INTEGER NOT NULL DEFAULT 1,
    processed_at BIGINT NOT NULL,
    UNIQUE (run_id, queue, group_id, seq)
);
