-- The consumer writes a poll's facts, scores, history and events in a few set-based statements.

-- Payment instants live on their fact's row (one row per fact), so a fact is written and read in one statement.
ALTER TABLE contract_fact ADD COLUMN payment_instants TIMESTAMPTZ[] NOT NULL DEFAULT '{}';
UPDATE contract_fact c SET payment_instants = p.paid
    FROM (SELECT contract_id, array_agg(paid_at ORDER BY paid_at) AS paid FROM contract_fact_payment GROUP BY contract_id) p
    WHERE p.contract_id = c.contract_id;
DROP TABLE contract_fact_payment;

ALTER TABLE contract_adjustment_fact ADD COLUMN payment_instants TIMESTAMPTZ[] NOT NULL DEFAULT '{}';
UPDATE contract_adjustment_fact c SET payment_instants = p.paid
    FROM (SELECT contract_id, array_agg(paid_at ORDER BY paid_at) AS paid FROM contract_adjustment_payment GROUP BY contract_id) p
    WHERE p.contract_id = c.contract_id;
DROP TABLE contract_adjustment_payment;

ALTER TABLE contract_payment_fact ADD COLUMN payment_instants TIMESTAMPTZ[] NOT NULL DEFAULT '{}';
UPDATE contract_payment_fact c SET payment_instants = p.paid
    FROM (SELECT contract_id, array_agg(paid_at ORDER BY paid_at) AS paid FROM contract_payment_fact_payment GROUP BY contract_id) p
    WHERE p.contract_id = c.contract_id;
DROP TABLE contract_payment_fact_payment;

-- A client's flag reaches every freelancer who worked with them, as the parties of each contract say; a freelancer's
-- clients are looked up to read their flags.
CREATE INDEX contract_party_client ON contract_party (client_id);
CREATE INDEX contract_party_freelancer ON contract_party (freelancer_id);

-- A freelancer whose recompute failed on an event's own data keeps the score last published, marked stale, until a
-- rebuild of that freelancer succeeds; the event went to the dead-letter topic.
ALTER TABLE freelancer_score
    ADD COLUMN stale_since    TIMESTAMPTZ,
    ADD COLUMN stale_event_id UUID,
    ADD COLUMN stale_reason   TEXT;

-- Claims from before chunks existed are planned again.
DELETE FROM snapshot_run WHERE completed_at IS NULL;

-- A snapshot date is planned once (its snapshot_run row) as chunks of freelancers, by id range. Any replica takes a
-- chunk by locking its row (FOR UPDATE SKIP LOCKED), recomputes it and marks it complete in that transaction: a
-- replica that dies mid-chunk releases the lock with its connection, and another takes the chunk.
CREATE TABLE snapshot_chunk (
    snapshot_date    DATE        NOT NULL REFERENCES snapshot_run (snapshot_date),
    chunk_no         INTEGER     NOT NULL,
    -- The chunk's freelancers are those from from_freelancer (inclusive; null: from the first) to to_freelancer
    -- (exclusive; null: to the last), in the database's order, as they are when the chunk is taken.
    from_freelancer  TEXT,
    to_freelancer    TEXT,
    completed_at     TIMESTAMPTZ,
    completed_by     TEXT,
    freelancers      INTEGER,
    PRIMARY KEY (snapshot_date, chunk_no)
);
CREATE INDEX snapshot_chunk_open ON snapshot_chunk (snapshot_date, chunk_no) WHERE completed_at IS NULL;
