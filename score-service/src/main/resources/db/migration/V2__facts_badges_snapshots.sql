-- The rest of the facts the score is computed from (contract-earnings-adjusted, reveals, closed feedback
-- windows, client flags, periodic feedback, feedback removals), the badges and the snapshots behind them.
-- Each fact keeps the event it came from; a score is always recomputed from these rows, never patched.

-- Who a contract is between, as the first event naming it said. Every later event about the contract must
-- name the same parties, or it is refused (and dead-lettered) instead of moving a stranger's score.
CREATE TABLE contract_party (
    contract_id   TEXT PRIMARY KEY,
    freelancer_id TEXT NOT NULL,
    client_id     TEXT NOT NULL
);
INSERT INTO contract_party (contract_id, freelancer_id, client_id)
    SELECT contract_id, freelancer_id, client_id FROM contract_fact ON CONFLICT DO NOTHING;
INSERT INTO contract_party (contract_id, freelancer_id, client_id)
    SELECT contract_id, freelancer_id, client_id FROM client_feedback_fact ON CONFLICT DO NOTHING;

-- Who ended the contract: a freelancer's end reason is never a score input (domain.md §c C16).
ALTER TABLE contract_fact ADD COLUMN ended_by TEXT CHECK (ended_by IN ('CLIENT', 'FREELANCER', 'SYSTEM'));
-- A client's flag reaches every freelancer who worked with them; the daily snapshot looks at recent contracts.
CREATE INDEX contract_fact_client ON contract_fact (client_id);
CREATE INDEX contract_fact_ended ON contract_fact (ended_at);

-- The end reason the client gave in the private part of their feedback (an EndReason name, as sent).
ALTER TABLE client_feedback_fact ADD COLUMN private_end_reason TEXT;

-- The latest contract-earnings-adjusted per contract (by occurred_at, then event id). Kept apart from the
-- close, so either may arrive first; whichever occurred later gives the contract's money.
CREATE TABLE contract_adjustment_fact (
    contract_id        TEXT        PRIMARY KEY,
    freelancer_id      TEXT        NOT NULL,
    client_id          TEXT        NOT NULL,
    net_earnings_cents BIGINT      NOT NULL CHECK (net_earnings_cents >= 0),
    dispute_outcome    TEXT        NOT NULL CHECK (dispute_outcome IN ('NONE', 'FREELANCER_WON', 'SPLIT', 'CLIENT_WON')),
    adjustment_cause   TEXT        NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    source_event_id    UUID        NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_adjustment_fact_freelancer ON contract_adjustment_fact (freelancer_id);
CREATE TABLE contract_adjustment_payment (
    contract_id TEXT        NOT NULL REFERENCES contract_adjustment_fact (contract_id) ON DELETE CASCADE,
    paid_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_adjustment_payment_contract ON contract_adjustment_payment (contract_id);

-- A client's mid-contract feedback: kept always, counted only with periodic_feedback_counts (§c C11).
CREATE TABLE periodic_feedback_fact (
    feedback_id       TEXT        PRIMARY KEY,
    contract_id       TEXT        NOT NULL,
    freelancer_id     TEXT        NOT NULL,
    client_id         TEXT        NOT NULL,
    private_recommend INTEGER     CHECK (private_recommend BETWEEN 0 AND 10),
    public_overall    NUMERIC     CHECK (public_overall BETWEEN 1 AND 5),
    submitted_at      TIMESTAMPTZ NOT NULL,
    source_event_id   UUID        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX periodic_feedback_fact_freelancer ON periodic_feedback_fact (freelancer_id);

-- Reveal-gated scoring: a client's feedback enters the published score only once revealed, by its own
-- feedback-revealed or by its contract's feedback-window-closed, whichever comes first.
CREATE TABLE feedback_reveal_fact (
    feedback_id     TEXT        PRIMARY KEY,
    contract_id     TEXT        NOT NULL,
    freelancer_id   TEXT        NOT NULL,
    client_id       TEXT        NOT NULL,
    revealed_at     TIMESTAMPTZ NOT NULL,
    reveal_cause    TEXT        NOT NULL CHECK (reveal_cause IN ('BOTH_SUBMITTED', 'WINDOW_EXPIRED')),
    source_event_id UUID        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX feedback_reveal_fact_freelancer ON feedback_reveal_fact (freelancer_id);
CREATE TABLE feedback_window_fact (
    contract_id                 TEXT        PRIMARY KEY,
    freelancer_id               TEXT        NOT NULL,
    client_id                   TEXT        NOT NULL,
    closed_at                   TIMESTAMPTZ NOT NULL,
    client_feedback_present     BOOLEAN     NOT NULL,
    freelancer_feedback_present BOOLEAN     NOT NULL,
    source_event_id             UUID        NOT NULL,
    recorded_at                 TIMESTAMPTZ NOT NULL
);
CREATE INDEX feedback_window_fact_freelancer ON feedback_window_fact (freelancer_id);

-- Each client's latest flag evaluation (by evaluated_at, then event id). Flags apply retroactively.
CREATE TABLE client_flag_fact (
    client_id       TEXT        PRIMARY KEY,
    flagged         BOOLEAN     NOT NULL,
    reason          TEXT        NOT NULL CHECK (reason IN ('POOR_COLLABORATION', 'CLIENT_SUSPENDED', 'NONE')),
    evaluated_at    TIMESTAMPTZ NOT NULL,
    source_event_id UUID        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);

-- Decided feedback-removal requests (legacy perk, §d.3.8). A decision is never re-taken.
CREATE TABLE feedback_removal (
    request_id    UUID        PRIMARY KEY,
    freelancer_id TEXT        NOT NULL,
    contract_id   TEXT        NOT NULL,
    mode          TEXT        NOT NULL CHECK (mode IN ('JSS_ONLY', 'JSS_AND_PROFILE')),
    requested_at  TIMESTAMPTZ NOT NULL,
    accepted      BOOLEAN     NOT NULL,
    kept_in_jss   BOOLEAN,
    reason        TEXT        NOT NULL,
    jss_with      INTEGER,
    jss_without   INTEGER,
    CHECK (accepted = (kept_in_jss IS NOT NULL))
);
CREATE UNIQUE INDEX feedback_removal_once_per_contract ON feedback_removal (contract_id) WHERE accepted;
CREATE INDEX feedback_removal_freelancer ON feedback_removal (freelancer_id, requested_at);

-- Badges, evaluated at each snapshot (§d.3.9).
ALTER TABLE freelancer_score
    ADD COLUMN top_rated             BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN top_rated_plus        BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN eligible_weeks_last16 INTEGER CHECK (eligible_weeks_last16 BETWEEN 0 AND 16),
    ADD COLUMN badges_as_of          DATE,
    ADD CONSTRAINT freelancer_score_plus_needs_top_rated CHECK (top_rated OR NOT top_rated_plus);

ALTER TABLE score_history
    ADD COLUMN score_trigger         TEXT    NOT NULL DEFAULT 'EVENT'
        CHECK (score_trigger IN ('EVENT', 'SCHEDULED_DAILY', 'REBUILD')),
    ADD COLUMN cause_snapshot_date   DATE,
    ADD COLUMN previous_badges       TEXT    NOT NULL DEFAULT '',
    ADD COLUMN badges                TEXT    NOT NULL DEFAULT '',
    ADD COLUMN eligible_weeks_last16 INTEGER;

-- The displayed score at each Sunday snapshot, the input of "13 of the last 16 weeks". The first snapshot of
-- a Sunday wins; weeks without a score have no row.
CREATE TABLE weekly_score (
    freelancer_id TEXT        NOT NULL,
    week_date     DATE        NOT NULL CHECK (EXTRACT(ISODOW FROM week_date) = 7),
    jss           INTEGER     NOT NULL CHECK (jss BETWEEN 0 AND 100),
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (freelancer_id, week_date)
);

-- One row per snapshot date: inserting it is the claim that makes one replica take the date; completed_at
-- says it was done. A claim left incomplete (a crash) is taken over once stale.
CREATE TABLE snapshot_run (
    snapshot_date DATE        PRIMARY KEY,
    claimed_at    TIMESTAMPTZ NOT NULL,
    claimed_by    TEXT        NOT NULL,
    completed_at  TIMESTAMPTZ,
    freelancers   INTEGER
);
