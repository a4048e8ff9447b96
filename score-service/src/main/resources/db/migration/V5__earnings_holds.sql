-- Top Rated Plus from real earnings (domain.md §d.3.9): each movement of a contract's net earnings as the contract
-- events report it (two arrays of one length: the instants, and the signed amounts in cents). NULL for facts whose
-- event did not carry them (published before the producer sent them); the 12-month figure then falls back to the
-- contract's net total when it was paid within the 12 months.
ALTER TABLE contract_fact ADD COLUMN category text;
ALTER TABLE contract_fact ADD COLUMN earning_instants timestamptz[];
ALTER TABLE contract_fact ADD COLUMN earning_cents bigint[];
ALTER TABLE contract_adjustment_fact ADD COLUMN earning_instants timestamptz[];
ALTER TABLE contract_adjustment_fact ADD COLUMN earning_cents bigint[];
ALTER TABLE contract_payment_fact ADD COLUMN earning_instants timestamptz[];
ALTER TABLE contract_payment_fact ADD COLUMN earning_cents bigint[];

-- Account holds a platform operator placed (domain.md §c C14: modelled only as an input of the badges). A hold from
-- starts_at until ends_at (NULL: until lifted) blocks Top Rated while it overlaps the last 90 days.
CREATE TABLE account_hold (
    hold_id       uuid PRIMARY KEY,
    freelancer_id text        NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz,
    reason        text        NOT NULL,
    placed_by     text        NOT NULL,
    lifted_by     text,
    CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX account_hold_freelancer ON account_hold (freelancer_id, starts_at);
-- At most one hold is open-ended or running per freelancer is the service's rule; the index keeps lookups cheap.
