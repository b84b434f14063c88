-- Calls (reference 2.2): each call is one JSON document, written with the notifications it causes, so that a
-- restart finds every call as its parties last saw it.
CREATE TABLE voice_call (
    id                VARCHAR(32)  PRIMARY KEY,
    contact_center_id VARCHAR(32)  NOT NULL,
    -- Set while the call waits at the routing point: the queue is these rows in this order.
    queued_at         TIMESTAMPTZ,
    body              TEXT         NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX voice_call_queue ON voice_call (contact_center_id, queued_at) WHERE queued_at IS NOT NULL;

-- The live legs of every call: which device is on which call, in what state. Derived from voice_call.body.
CREATE TABLE voice_leg (
    id        VARCHAR(32) PRIMARY KEY,
    call_id   VARCHAR(32) NOT NULL REFERENCES voice_call (id) ON DELETE CASCADE,
    device_id VARCHAR(36),
    state     VARCHAR(16) NOT NULL
);
CREATE INDEX voice_leg_device ON voice_leg (device_id);
CREATE INDEX voice_leg_call ON voice_leg (call_id);

-- Supervisor monitoring configured on a supervisor's device (reference 2.4): at most one per device.
CREATE TABLE monitoring_subscription (
    supervisor_device_id VARCHAR(36) PRIMARY KEY,
    contact_center_id    VARCHAR(32) NOT NULL,
    supervisor_user_id   VARCHAR(32) NOT NULL,
    target_device_id     VARCHAR(36) NOT NULL,
    target_user_id       VARCHAR(32) NOT NULL,
    type                 VARCHAR(16) NOT NULL,
    scope                VARCHAR(16) NOT NULL,
    mode                 VARCHAR(16) NOT NULL,
    phone_number         VARCHAR(32),
    -- NextCall: the call it is spent on; the subscription ends when the supervisor leaves that call.
    spent_on_call_id     VARCHAR(32),
    created_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX monitoring_subscription_target ON monitoring_subscription (target_device_id);

-- Routing offers a call to the agent idle the longest: since its last call ended or it became Ready.
ALTER TABLE device ADD COLUMN idle_since TIMESTAMPTZ;
