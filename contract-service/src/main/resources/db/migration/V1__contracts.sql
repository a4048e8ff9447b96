CREATE TABLE contract (
    id              UUID PRIMARY KEY,
    client_id       TEXT        NOT NULL,
    freelancer_id   TEXT        NOT NULL,
    contract_type   TEXT        NOT NULL CHECK (contract_type IN ('FIXED_PRICE', 'HOURLY')),
    title           TEXT        NOT NULL,
    category        TEXT,
    status          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    ended_at        TIMESTAMPTZ,
    ended_by        TEXT,
    end_reason      TEXT,
    -- Walking skeleton: the amount paid so far, stated when the contract ends. The ledger replaces it.
    paid_cents      BIGINT      NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX contract_client ON contract (client_id);
CREATE INDEX contract_freelancer ON contract (freelancer_id);
