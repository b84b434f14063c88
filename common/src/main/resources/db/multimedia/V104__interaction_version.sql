-- Every write of an interaction counts up its version. An agent's operation starts from the interaction as this
-- service last committed it (InteractionCache), without reading and locking its row, and writes only if the row is
-- still at that version; if not (another replica, or a change that was not this service's to see), it is done
-- again from the row, locked.
ALTER TABLE media_interaction ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
