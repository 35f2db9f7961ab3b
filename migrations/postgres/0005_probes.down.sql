DROP TABLE job_probes;
