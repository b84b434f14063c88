-- Chat and SMS sessions (common's multimedia package; each of chat-service and sms-service runs these in its
-- own database). Numbered apart from the services' own migrations (db/migration), which come first.

-- An agent's state on this service's channel: active while its contact-center session includes the channel.
CREATE TABLE media_agent (
    user_id            VARCHAR(32)  PRIMARY KEY,
    contact_center_id  VARCHAR(32)  NOT NULL,
    active             BOOLEAN      NOT NULL,
    ready              BOOLEAN      NOT NULL,
    idle_since         TIMESTAMPTZ  NOT NULL
);

-- One interaction (a chat or an SMS session): the engine's whole state as JSON, kept after it ends so that
-- the customer's transcript can still be read. customer_key: the Customer Chat API id, or the phone number.
CREATE TABLE media_interaction (
    id                 VARCHAR(32)  PRIMARY KEY,
    contact_center_id  VARCHAR(32)  NOT NULL,
    customer_key       VARCHAR(64)  NOT NULL,
    body               TEXT         NOT NULL,
    waiting_since      TIMESTAMPTZ,
    completed_at       TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX media_interaction_customer ON media_interaction (contact_center_id, customer_key);
CREATE INDEX media_interaction_waiting ON media_interaction (contact_center_id, waiting_since) WHERE waiting_since IS NOT NULL;

-- Who takes part in which interaction now (offered, chatting or wrapping up): GET /me/chats and capacity.
CREATE TABLE media_participation (
    interaction_id  VARCHAR(32)  NOT NULL REFERENCES media_interaction (id) ON DELETE CASCADE,
    participant_id  VARCHAR(32)  NOT NULL,
    user_id         VARCHAR(32)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    PRIMARY KEY (interaction_id, participant_id)
);
CREATE INDEX media_participation_user ON media_participation (user_id);

-- A supervisor's monitoring of an agent on this channel (reference 3.5): survives restarts.
CREATE TABLE media_monitoring (
    supervisor_id      VARCHAR(32)  NOT NULL,
    agent_id           VARCHAR(32)  NOT NULL,
    contact_center_id  VARCHAR(32)  NOT NULL,
    mode               VARCHAR(16)  NOT NULL,
    next_only          BOOLEAN      NOT NULL,
    nickname           VARCHAR(128) NOT NULL,
    spent_on           VARCHAR(32),
    created_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (supervisor_id, agent_id)
);
CREATE INDEX media_monitoring_agent ON media_monitoring (agent_id);
