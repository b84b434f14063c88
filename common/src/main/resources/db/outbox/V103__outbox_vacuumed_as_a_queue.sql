-- The outbox is a queue: each row is deleted within milliseconds of its insert, thousands a second under load. With
-- the default thresholds (a fifth of the table's rows dead) and cost limits, autovacuum came to it about once a
-- minute and left it at 89 MB with 53,000 dead rows after one chat bench, growing with every run: each read from the
-- start (the relay's sweep) stepped over all of them. It is vacuumed once a few thousand rows are dead, at full speed;
-- how soon autovacuum looks is the server's autovacuum_naptime (5 s in deploy/local and deploy/kubernetes).
ALTER TABLE outbox_event SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_cost_delay = 0,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 2000
);
