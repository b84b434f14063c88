-- Common's migrations (db/multimedia, db/outbox) take versions from 100 up, each service's own (db/migration) stay
-- below 100: one Flyway history per database holds both.
--
-- The outbox keeps one index, its primary key: the relay reads the oldest ids and deletes what it sent by id. Every
-- other index cost every change its upkeep for nothing: event ids are drawn at random (RandomIds) and consumers
-- already skip an id they have seen; sent_at was never set, because a sent row is deleted.
ALTER TABLE outbox_event DROP CONSTRAINT IF EXISTS outbox_event_event_id_key;
DROP INDEX IF EXISTS outbox_event_unsent;
ALTER TABLE outbox_event DROP COLUMN IF EXISTS sent_at;
