-- The agent's voice state on each device (reference 2.1): active while a contact-center session includes
-- voice; Ready or NotReady by the agent's choice.
ALTER TABLE device ADD COLUMN voice_active BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE device ADD COLUMN user_state VARCHAR(16) NOT NULL DEFAULT 'NotReady';
