-- Transcript entries, a row each, written once: a message appends one row instead of rewriting the whole
-- interaction, so a message costs the same in a long chat as in a short one. Each entry's body carries its
-- numbering for agents (agentIndex) and for the customer (customerIndex), fixed when it was written.
CREATE TABLE media_transcript_entry (
    -- Deferred: entries are written in plain JDBC, possibly before the interaction's own row is flushed.
    interaction_id  VARCHAR(32)  NOT NULL REFERENCES media_interaction (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    idx             INTEGER      NOT NULL,
    body            TEXT         NOT NULL,
    PRIMARY KEY (interaction_id, idx)
);

-- Interactions stored before kept their entries in their body: each entry moves to a row, numbered as the
-- engine numbers it (agents read All and Agents, the customer only All), and the body keeps the counts.
WITH entries AS (
    SELECT i.id, e.value AS entry, (e.value ->> 'index')::int AS idx, e.value ->> 'visibility' AS visibility
    FROM media_interaction i, jsonb_array_elements(i.body::jsonb -> 'transcript') e
), numbered AS (
    SELECT id, idx, entry, visibility,
           count(*) FILTER (WHERE visibility IN ('All', 'Agents')) OVER w AS agent_n,
           count(*) FILTER (WHERE visibility = 'All') OVER w AS customer_n
    FROM entries
    WINDOW w AS (PARTITION BY id ORDER BY idx)
)
INSERT INTO media_transcript_entry (interaction_id, idx, body)
SELECT id, idx, (entry || jsonb_build_object(
        'agentIndex', CASE WHEN visibility IN ('All', 'Agents') THEN agent_n END,
        'customerIndex', CASE WHEN visibility = 'All' THEN customer_n END))::text
FROM numbered;

UPDATE media_interaction i SET body = ((i.body::jsonb - 'transcript') || jsonb_build_object(
        'transcriptSize', (SELECT count(*) FROM media_transcript_entry t WHERE t.interaction_id = i.id),
        'agentEntries', (SELECT count(*) FROM jsonb_array_elements(coalesce(i.body::jsonb -> 'transcript', '[]'::jsonb)) e
                         WHERE e ->> 'visibility' IN ('All', 'Agents')),
        'customerEntries', (SELECT count(*) FROM jsonb_array_elements(coalesce(i.body::jsonb -> 'transcript', '[]'::jsonb)) e
                            WHERE e ->> 'visibility' = 'All')))::text;
