-- Issue #3: the full contract and money model. Contracts start as offers; money lives only in the
-- append-only, double-entry ledger, from which every balance and net earnings are derived.

-- ---------------------------------------------------------------------------------------------
-- contract: offers, pause, dormancy clock, dispute outcome, per-contract ledger entry counter
-- ---------------------------------------------------------------------------------------------
ALTER TABLE contract ALTER COLUMN started_at DROP NOT NULL;
ALTER TABLE contract ADD COLUMN hourly_rate_cents   BIGINT CHECK (hourly_rate_cents > 0);
ALTER TABLE contract ADD COLUMN offer_closed_at     TIMESTAMPTZ;
ALTER TABLE contract ADD COLUMN offer_closed_reason TEXT CHECK (offer_closed_reason IN ('DECLINED', 'WITHDRAWN'));
ALTER TABLE contract ADD COLUMN paused_at           TIMESTAMPTZ;
ALTER TABLE contract ADD COLUMN pause_reason        TEXT CHECK (pause_reason IN ('CLIENT', 'HOURLY_DISPUTE'));
ALTER TABLE contract ADD COLUMN last_activity_at    TIMESTAMPTZ;
ALTER TABLE contract ADD COLUMN dispute_outcome     TEXT NOT NULL DEFAULT 'NONE'
    CHECK (dispute_outcome IN ('NONE', 'FREELANCER_WON', 'SPLIT', 'CLIENT_WON'));
ALTER TABLE contract ADD COLUMN ledger_entries      BIGINT NOT NULL DEFAULT 0 CHECK (ledger_entries >= 0);
UPDATE contract SET last_activity_at = coalesce(ended_at, started_at, created_at);
ALTER TABLE contract ALTER COLUMN last_activity_at SET NOT NULL;
ALTER TABLE contract ADD CONSTRAINT contract_status_known
    CHECK (status IN ('OFFER_PENDING', 'OFFER_CANCELLED', 'ACTIVE', 'PAUSED', 'ENDED'));
CREATE INDEX contract_dormancy ON contract (last_activity_at) WHERE contract_type = 'FIXED_PRICE' AND status IN ('ACTIVE', 'PAUSED');

-- ---------------------------------------------------------------------------------------------
-- ledger: append-only, double-entry, integer cents
-- ---------------------------------------------------------------------------------------------
CREATE TABLE ledger_entry (
    id               BIGSERIAL PRIMARY KEY,
    contract_id      UUID        NOT NULL REFERENCES contract (id),
    entry_no         BIGINT      NOT NULL CHECK (entry_no > 0),
    entry_type       TEXT        NOT NULL CHECK (entry_type IN ('ESCROW_DEPOSIT', 'ESCROW_RELEASE', 'ESCROW_REFUND',
                         'HOURLY_CHARGE', 'HOURLY_REVIEW_CLEARED', 'HOURLY_DISPUTE_REFUND', 'BONUS', 'SERVICE_FEE',
                         'SECURITY_CLEARED', 'POST_RELEASE_REFUND', 'SERVICE_FEE_REVERSAL')),
    debit_account    TEXT        NOT NULL,
    credit_account   TEXT        NOT NULL,
    amount_cents     BIGINT      NOT NULL CHECK (amount_cents > 0),
    effective_at     TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    milestone_id     UUID,
    invoice_id       UUID,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    CONSTRAINT ledger_entry_two_sides CHECK (debit_account <> credit_account),
    CONSTRAINT ledger_entry_numbered UNIQUE (contract_id, entry_no)
);
CREATE INDEX ledger_entry_contract ON ledger_entry (contract_id, effective_at);

-- No code path updates or deletes an entry; the database refuses it too.
CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER ledger_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only();

-- A contract's escrow never goes below zero, whatever the code does.
CREATE FUNCTION ledger_entry_escrow_not_negative() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    balance BIGINT;
BEGIN
    IF NEW.debit_account LIKE 'escrow:%' THEN
        SELECT coalesce(sum(CASE WHEN credit_account = NEW.debit_account THEN amount_cents ELSE 0 END), 0)
             - coalesce(sum(CASE WHEN debit_account = NEW.debit_account THEN amount_cents ELSE 0 END), 0)
          INTO balance
          FROM ledger_entry WHERE contract_id = NEW.contract_id;
        IF balance < 0 THEN
            RAISE EXCEPTION 'escrow of contract % would be % cents', NEW.contract_id, balance USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ledger_entry_escrow_check AFTER INSERT ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_escrow_not_negative();

-- The walking skeleton stated the amount paid at the end; carry it into the ledger as a payment at
-- the end instant (already cleared, no fee then), so no contract's net earnings change here.
INSERT INTO ledger_entry (contract_id, entry_no, entry_type, debit_account, credit_account, amount_cents,
                          effective_at, created_at, idempotency_key)
SELECT id, 1,
       CASE contract_type WHEN 'HOURLY' THEN 'HOURLY_CHARGE' ELSE 'ESCROW_DEPOSIT' END,
       'client:' || client_id || ':funding',
       CASE contract_type WHEN 'HOURLY' THEN 'fl:' || freelancer_id || ':in_review' ELSE 'escrow:' || id END,
       paid_cents, coalesce(ended_at, created_at), now(), 'V2:' || id || '#1'
FROM contract WHERE paid_cents > 0;
INSERT INTO ledger_entry (contract_id, entry_no, entry_type, debit_account, credit_account, amount_cents,
                          effective_at, created_at, idempotency_key)
SELECT id, 2,
       CASE contract_type WHEN 'HOURLY' THEN 'HOURLY_REVIEW_CLEARED' ELSE 'ESCROW_RELEASE' END,
       CASE contract_type WHEN 'HOURLY' THEN 'fl:' || freelancer_id || ':in_review' ELSE 'escrow:' || id END,
       'fl:' || freelancer_id || ':pending',
       paid_cents, coalesce(ended_at, created_at), now(), 'V2:' || id || '#2'
FROM contract WHERE paid_cents > 0;
INSERT INTO ledger_entry (contract_id, entry_no, entry_type, debit_account, credit_account, amount_cents,
                          effective_at, created_at, idempotency_key)
SELECT id, 3, 'SECURITY_CLEARED', 'fl:' || freelancer_id || ':pending', 'fl:' || freelancer_id || ':available',
       paid_cents, coalesce(ended_at, created_at), now(), 'V2:' || id || '#3'
FROM contract WHERE paid_cents > 0;
UPDATE contract SET ledger_entries = 3 WHERE paid_cents > 0;
ALTER TABLE contract DROP COLUMN paid_cents;

-- Money released to the freelancer waits out the security hold, then SECURITY_CLEARED moves it.
CREATE TABLE payout_hold (
    id            UUID PRIMARY KEY,
    contract_id   UUID        NOT NULL REFERENCES contract (id),
    source        TEXT        NOT NULL CHECK (source IN ('MILESTONE', 'BONUS', 'HOURLY')),
    milestone_id  UUID,
    invoice_id    UUID,
    net_cents     BIGINT      NOT NULL CHECK (net_cents > 0),
    releases_at   TIMESTAMPTZ NOT NULL,
    cleared_at    TIMESTAMPTZ
);
CREATE INDEX payout_hold_due ON payout_hold (releases_at) WHERE cleared_at IS NULL;
CREATE INDEX payout_hold_contract ON payout_hold (contract_id);

-- ---------------------------------------------------------------------------------------------
-- fixed price: milestones, the end-of-contract escrow refund request and its dispute
-- ---------------------------------------------------------------------------------------------
CREATE TABLE milestone (
    id                UUID PRIMARY KEY,
    contract_id       UUID        NOT NULL REFERENCES contract (id),
    seq               INT         NOT NULL CHECK (seq > 0),
    description       TEXT        NOT NULL,
    amount_cents      BIGINT      NOT NULL CHECK (amount_cents > 0),
    due_date          DATE,
    status            TEXT        NOT NULL CHECK (status IN ('CREATED', 'FUNDED', 'SUBMITTED', 'CHANGES_REQUESTED',
                          'RELEASED', 'PARTIALLY_RELEASED', 'REFUND_REQUESTED', 'DISPUTED', 'IN_MEDIATION',
                          'ARBITRATION_OFFERED', 'RESOLVED', 'ARBITRATED', 'REFUNDED', 'CANCELLED')),
    funded_cents      BIGINT      NOT NULL DEFAULT 0 CHECK (funded_cents >= 0),
    released_cents    BIGINT      NOT NULL DEFAULT 0 CHECK (released_cents >= 0),
    refunded_cents    BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    rolled_in_cents   BIGINT      NOT NULL DEFAULT 0 CHECK (rolled_in_cents >= 0),
    rolled_out_cents  BIGINT      NOT NULL DEFAULT 0 CHECK (rolled_out_cents >= 0),
    submission_count  INT         NOT NULL DEFAULT 0,
    submitted_at      TIMESTAMPTZ,
    review_deadline   TIMESTAMPTZ,
    auto_approved     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL,
    funded_at         TIMESTAMPTZ,
    version           BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT milestone_seq UNIQUE (contract_id, seq),
    CONSTRAINT milestone_escrow_not_negative CHECK (released_cents + refunded_cents + rolled_out_cents <= funded_cents),
    CONSTRAINT milestone_funded_bound CHECK (funded_cents <= amount_cents + rolled_in_cents)
);
CREATE INDEX milestone_review_due ON milestone (review_deadline) WHERE status = 'SUBMITTED';

CREATE TABLE escrow_refund_request (
    id                 UUID PRIMARY KEY,
    contract_id        UUID        NOT NULL UNIQUE REFERENCES contract (id),
    amount_cents       BIGINT      NOT NULL CHECK (amount_cents > 0),
    requested_at       TIMESTAMPTZ NOT NULL,
    response_deadline  TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'TIMED_OUT', 'DISPUTED')),
    responded_at       TIMESTAMPTZ,
    version            BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX escrow_refund_request_due ON escrow_refund_request (response_deadline) WHERE status = 'PENDING';

CREATE TABLE dispute (
    id                          UUID PRIMARY KEY,
    contract_id                 UUID        NOT NULL REFERENCES contract (id),
    refund_request_id           UUID        NOT NULL UNIQUE REFERENCES escrow_refund_request (id),
    amount_cents                BIGINT      NOT NULL CHECK (amount_cents > 0),
    status                      TEXT        NOT NULL CHECK (status IN ('AWAITING_CLIENT', 'IN_MEDIATION', 'ARBITRATION_OFFERED', 'RESOLVED')),
    filed_at                    TIMESTAMPTZ NOT NULL,
    client_response_deadline    TIMESTAMPTZ NOT NULL,
    mediation_deadline          TIMESTAMPTZ,
    arbitration_deadline        TIMESTAMPTZ,
    resolution                  TEXT CHECK (resolution IN ('CLIENT_ACCEPTED', 'CLIENT_SILENT', 'MEDIATED',
                                    'ARBITRATION_FREELANCER_ONLY_PAID', 'ARBITRATION_CLIENT_ONLY_PAID',
                                    'ARBITRATION_NEITHER_PAID', 'ARBITRATION_AWARD')),
    outcome                     TEXT CHECK (outcome IN ('FREELANCER_WON', 'SPLIT', 'CLIENT_WON')),
    released_cents              BIGINT      NOT NULL DEFAULT 0 CHECK (released_cents >= 0),
    refunded_cents              BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    client_paid_arbitration     BOOLEAN,
    freelancer_paid_arbitration BOOLEAN,
    resolved_at                 TIMESTAMPTZ,
    version                     BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT dispute_settles_at_most_its_amount CHECK (released_cents + refunded_cents <= amount_cents)
);
CREATE INDEX dispute_contract ON dispute (contract_id);
CREATE INDEX dispute_open ON dispute (status) WHERE status <> 'RESOLVED';

-- ---------------------------------------------------------------------------------------------
-- hourly: weekly limits, time logged, Monday invoices
-- ---------------------------------------------------------------------------------------------
CREATE TABLE weekly_limit_change (
    id              BIGSERIAL PRIMARY KEY,
    contract_id     UUID        NOT NULL REFERENCES contract (id),
    effective_from  TIMESTAMPTZ NOT NULL,
    minutes         INT         NOT NULL CHECK (minutes >= 0),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX weekly_limit_change_contract ON weekly_limit_change (contract_id, effective_from);

CREATE TABLE time_entry (
    id          UUID PRIMARY KEY,
    contract_id UUID        NOT NULL REFERENCES contract (id),
    week_start  DATE        NOT NULL CHECK (extract(isodow FROM week_start) = 1),
    work_date   DATE        NOT NULL,
    minutes     INT         NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    memo        TEXT,
    logged_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX time_entry_week ON time_entry (contract_id, week_start);
CREATE INDEX time_entry_by_week ON time_entry (week_start);

CREATE TABLE hourly_invoice (
    id                         UUID PRIMARY KEY,
    contract_id                UUID        NOT NULL REFERENCES contract (id),
    week_start                 DATE        NOT NULL,
    logged_minutes             INT         NOT NULL CHECK (logged_minutes >= 0),
    limit_minutes              INT         NOT NULL CHECK (limit_minutes >= 0),
    billable_minutes           INT         NOT NULL CHECK (billable_minutes >= 0),
    rate_cents                 BIGINT      NOT NULL CHECK (rate_cents > 0),
    amount_cents               BIGINT      NOT NULL CHECK (amount_cents >= 0),
    invoiced_at                TIMESTAMPTZ NOT NULL,
    review_ends_at             TIMESTAMPTZ NOT NULL,
    available_at               TIMESTAMPTZ NOT NULL,
    status                     TEXT        NOT NULL CHECK (status IN ('NOT_BILLED', 'IN_REVIEW', 'DISPUTED',
                                   'DISPUTE_UNDER_REVIEW', 'PENDING', 'AVAILABLE', 'REFUNDED')),
    disputed_cents             BIGINT      NOT NULL DEFAULT 0 CHECK (disputed_cents >= 0),
    dispute_opened_at          TIMESTAMPTZ,
    dispute_response_deadline  TIMESTAMPTZ,
    dispute_outcome            TEXT CHECK (dispute_outcome IN ('FREELANCER_WON', 'SPLIT', 'CLIENT_WON')),
    refunded_cents             BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    cleared_cents              BIGINT      NOT NULL DEFAULT 0 CHECK (cleared_cents >= 0),
    cleared_at                 TIMESTAMPTZ,
    version                    BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT hourly_invoice_week UNIQUE (contract_id, week_start),
    CONSTRAINT hourly_invoice_billable CHECK (billable_minutes <= logged_minutes AND billable_minutes <= limit_minutes),
    CONSTRAINT hourly_invoice_settled CHECK (refunded_cents + cleared_cents <= amount_cents AND disputed_cents <= amount_cents)
);
CREATE INDEX hourly_invoice_review_due ON hourly_invoice (review_ends_at) WHERE status = 'IN_REVIEW';
CREATE INDEX hourly_invoice_dispute_due ON hourly_invoice (dispute_response_deadline) WHERE status = 'DISPUTED';
