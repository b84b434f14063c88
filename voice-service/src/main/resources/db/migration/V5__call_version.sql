-- Every write of a call counts its version up: an operation that starts from the call as this service last wrote it,
-- not from the row, writes only over that version (CallTable.WRITE_OVER_VERSION), so that it never overwrites a change
-- it did not see (another replica's, or one not committed yet when it started).
ALTER TABLE voice_call ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
