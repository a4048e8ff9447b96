-- Open contracts (domain.md §d.3.6, §d.4): an ACTIVE or PAUSED contract counts once it is long-term, so the
-- score keeps what contract-started and contract-payment-recorded report, each on its own (they may arrive in
-- any order). A contract with a contract_fact row (its close) is ended: these rows are then ignored.

-- A contract's start, as contract-started reported it.
CREATE TABLE contract_start_fact (
    contract_id     TEXT        PRIMARY KEY,
    freelancer_id   TEXT        NOT NULL,
    client_id       TEXT        NOT NULL,
    contract_type   TEXT        NOT NULL,
    category        TEXT,
    started_at      TIMESTAMPTZ NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    source_event_id UUID        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_start_fact_freelancer ON contract_start_fact (freelancer_id);
CREATE INDEX contract_start_fact_client ON contract_start_fact (client_id);

-- The latest contract-payment-recorded per open contract (by occurred_at, then event id): status and money so far.
CREATE TABLE contract_payment_fact (
    contract_id        TEXT        PRIMARY KEY,
    freelancer_id      TEXT        NOT NULL,
    client_id          TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    started_at         TIMESTAMPTZ NOT NULL,
    net_earnings_cents BIGINT      NOT NULL CHECK (net_earnings_cents >= 0),
    occurred_at        TIMESTAMPTZ NOT NULL,
    source_event_id    UUID        NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_payment_fact_freelancer ON contract_payment_fact (freelancer_id);
CREATE INDEX contract_payment_fact_client ON contract_payment_fact (client_id);
CREATE TABLE contract_payment_fact_payment (
    contract_id TEXT        NOT NULL REFERENCES contract_payment_fact (contract_id) ON DELETE CASCADE,
    paid_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_payment_fact_payment_contract ON contract_payment_fact_payment (contract_id);
