-- Devices (reference 2.1): a phone number in one contact center, assigned to at most one user.
CREATE TABLE device (
    id                VARCHAR(36)  PRIMARY KEY,
    contact_center_id VARCHAR(32)  NOT NULL,
    user_id           VARCHAR(32),
    phone_number      VARCHAR(32)  NOT NULL,
    do_not_disturb    BOOLEAN      NOT NULL DEFAULT FALSE,
    forward_to        VARCHAR(32),
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);

-- CONTRACT.md section 2: phone numbers are unique within a contact center.
CREATE UNIQUE INDEX device_phone_number ON device (contact_center_id, phone_number);
CREATE INDEX device_user ON device (user_id);
