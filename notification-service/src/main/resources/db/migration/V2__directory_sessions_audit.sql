-- The directory this service owns and publishes to gws.directory.
CREATE TABLE contact_center (
    id          VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    features    TEXT         NOT NULL,          -- JSON array of feature names
    settings    TEXT         NOT NULL,          -- JSON object, a flat map of setting name to value
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE gws_user (
    id                VARCHAR(32)  PRIMARY KEY,
    contact_center_id VARCHAR(32)  NOT NULL REFERENCES contact_center (id),
    user_name         VARCHAR(200) NOT NULL,
    password_hash     VARCHAR(100) NOT NULL,    -- bcrypt; the password itself is never stored
    first_name        VARCHAR(200) NOT NULL,
    last_name         VARCHAR(200) NOT NULL,
    email_address     VARCHAR(200),
    roles             TEXT         NOT NULL,    -- comma-separated ROLE_ names
    enabled           BOOLEAN      NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);

-- User names are unique across the system, whatever their case (Basic carries no contact center).
CREATE UNIQUE INDEX gws_user_name ON gws_user (lower(user_name));
CREATE INDEX gws_user_contact_center ON gws_user (contact_center_id);

-- A user's contact-center session (StartContactCenterSession .. EndContactCenterSession or expiry).
CREATE TABLE cc_session (
    session_id        VARCHAR(32)  PRIMARY KEY,
    user_id           VARCHAR(32)  NOT NULL,
    contact_center_id VARCHAR(32)  NOT NULL,
    channels          TEXT         NOT NULL,    -- comma-separated channel names
    started_at        TIMESTAMPTZ  NOT NULL,
    last_activity_at  TIMESTAMPTZ  NOT NULL,
    ended_at          TIMESTAMPTZ,
    end_reason        VARCHAR(16)
);

CREATE UNIQUE INDEX cc_session_open ON cc_session (user_id) WHERE ended_at IS NULL;

-- Every step of every monitoring subscription and session, from gws.monitoring-audit.
CREATE TABLE monitoring_audit (
    event_id          VARCHAR(64)  PRIMARY KEY,
    contact_center_id VARCHAR(32)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    supervisor_id     VARCHAR(32)  NOT NULL,
    agent_id          VARCHAR(32)  NOT NULL,
    interaction_id    VARCHAR(64),
    kind              VARCHAR(32)  NOT NULL,
    mode              VARCHAR(32),
    reason            VARCHAR(200),
    at                TIMESTAMPTZ  NOT NULL
);

CREATE INDEX monitoring_audit_cc_at ON monitoring_audit (contact_center_id, at);

-- The latest state of each resource a user was notified about (devices, calls, chats, SMS sessions,
-- channels), so that GET /api/v2/me?subresources=* can recover a desktop's state after a reload.
CREATE TABLE me_resource (
    user_id      VARCHAR(32)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    resource_id  VARCHAR(128) NOT NULL,
    body         TEXT         NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, kind, resource_id)
);

-- A deleted user is published as a tombstone (a record with no value) on the compacted gws.directory.
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
