-- Every SMS through the gateway, both ways: the simulated phones read what they received from here
-- (GET /api/v2/simulator/sms?msisdn=...), and it stays as a record of what each phone was sent.
CREATE TABLE sms_message (
    id                 BIGSERIAL    PRIMARY KEY,
    contact_center_id  VARCHAR(32)  NOT NULL,
    msisdn             VARCHAR(32)  NOT NULL,
    direction          VARCHAR(8)   NOT NULL,
    text               TEXT         NOT NULL,
    session_id         VARCHAR(32),
    at                 TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sms_message_phone ON sms_message (contact_center_id, msisdn, id);
