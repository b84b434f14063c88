-- The transactional outbox (ARCHITECTURE.md): events written in the same transaction as the state change
-- that caused them, relayed to Kafka after commit; rows stay until the relay has sent them.
CREATE TABLE outbox_event (
    id          BIGSERIAL    PRIMARY KEY,
    event_id    VARCHAR(64)  NOT NULL UNIQUE,
    topic       VARCHAR(128) NOT NULL,
    record_key  VARCHAR(128) NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ
);

CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
