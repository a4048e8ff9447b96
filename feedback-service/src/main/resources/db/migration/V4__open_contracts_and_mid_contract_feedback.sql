-- Issue #13: open contracts, from contract-started and contract-payment-recorded, and the client's mid-contract feedback
-- on them (domain.md §d.2 rule 1, PUB S17).

-- An open contract as its latest event (by occurredAt: as_of) describes it; contract-closed sets ended_at, and the row
-- stays, so a late event cannot make an ended contract look open.
CREATE TABLE open_contract (
    contract_id         TEXT          PRIMARY KEY,
    client_id           TEXT          NOT NULL,
    freelancer_id       TEXT          NOT NULL,
    started_at          TIMESTAMPTZ   NOT NULL,
    status              TEXT          NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    -- Every instant money reached the freelancer, as the latest event listed them; last_payment_at is their latest.
    payment_instants    TIMESTAMPTZ[] NOT NULL,
    last_payment_at     TIMESTAMPTZ,
    net_earnings_cents  BIGINT        NOT NULL CHECK (net_earnings_cents >= 0),
    as_of               TIMESTAMPTZ   NOT NULL,
    ended_at            TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ   NOT NULL
);

-- Mid-contract feedback is given before the contract has a feedback window, so feedback no longer references the window.
ALTER TABLE feedback DROP CONSTRAINT feedback_contract_id_fkey;
-- One end-of-contract feedback per author and contract, as before; mid-contract feedback, as often as its rule allows.
ALTER TABLE feedback DROP CONSTRAINT feedback_contract_id_author_role_key;
CREATE UNIQUE INDEX feedback_one_end_feedback_per_author ON feedback (contract_id, author_role) WHERE NOT mid_contract;
-- A contract's feedback, and the client's latest mid-contract feedback on it (the 30-day rule).
CREATE INDEX feedback_on_contract ON feedback (contract_id, mid_contract, submitted_at DESC);

-- Mid-contract feedback is the client's public part alone, public from its submission.
ALTER TABLE feedback DROP CONSTRAINT feedback_reveal_cause_check;
ALTER TABLE feedback ADD CONSTRAINT feedback_reveal_cause_check
    CHECK (reveal_cause IN ('BOTH_SUBMITTED', 'WINDOW_EXPIRED', 'MID_CONTRACT'));
ALTER TABLE feedback ADD CONSTRAINT feedback_mid_contract_shape CHECK (
    CASE WHEN mid_contract
        THEN author_role = 'CLIENT' AND overall IS NOT NULL
             AND recommend_score IS NULL AND end_reason_code IS NULL AND private_note IS NULL
             AND revealed_at = submitted_at AND reveal_cause = 'MID_CONTRACT'
        ELSE reveal_cause IS DISTINCT FROM 'MID_CONTRACT'
    END);
