DROP TABLE state_buckets;
DROP TABLE state_last_sync;
DROP TABLE state_leases;
