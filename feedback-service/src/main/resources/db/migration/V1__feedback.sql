-- One window per ended contract, opened by its contract-closed event (domain.md §d.2). An ended contract never
-- reopens, so neither does its window.
CREATE TABLE feedback_window (
    contract_id         TEXT        PRIMARY KEY,
    client_id           TEXT        NOT NULL,
    freelancer_id       TEXT        NOT NULL,
    ended_at            TIMESTAMPTZ NOT NULL,
    ended_by            TEXT        NOT NULL CHECK (ended_by IN ('CLIENT', 'FREELANCER', 'SYSTEM')),
    -- As of the close; decides visible_on_profile later (§d.2.4).
    net_earnings_cents  BIGINT      NOT NULL CHECK (net_earnings_cents >= 0),
    opens_at            TIMESTAMPTZ NOT NULL,
    closes_at           TIMESTAMPTZ NOT NULL CHECK (closes_at > opens_at),
    recorded_at         TIMESTAMPTZ NOT NULL
);

-- What one party wrote about the other on one contract: at most one per author role.
CREATE TABLE feedback (
    id               UUID         PRIMARY KEY,
    contract_id      TEXT         NOT NULL REFERENCES feedback_window (contract_id),
    author_role      TEXT         NOT NULL CHECK (author_role IN ('CLIENT', 'FREELANCER')),
    author_id        TEXT         NOT NULL,
    subject_id       TEXT         NOT NULL,
    form_version     TEXT         NOT NULL CHECK (form_version IN ('LEGACY_2015', 'STREAMLINED_2025')),
    mid_contract     BOOLEAN      NOT NULL,
    -- Public part: absent altogether, or all six 1..5 scores with the overall derived from them (§d.2.5).
    skills           INTEGER      CHECK (skills BETWEEN 1 AND 5),
    quality          INTEGER      CHECK (quality BETWEEN 1 AND 5),
    availability     INTEGER      CHECK (availability BETWEEN 1 AND 5),
    deadlines        INTEGER      CHECK (deadlines BETWEEN 1 AND 5),
    communication    INTEGER      CHECK (communication BETWEEN 1 AND 5),
    cooperation      INTEGER      CHECK (cooperation BETWEEN 1 AND 5),
    overall          NUMERIC(3,2) CHECK (overall BETWEEN 1 AND 5),
    public_comment   TEXT,
    -- Private part: immutable (§d.2.6) and never shown to the feedback's subject (§d.2.7).
    recommend_score  INTEGER      CHECK (recommend_score BETWEEN 0 AND 10),
    end_reason_code  TEXT,
    private_note     TEXT,
    submitted_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (contract_id, author_role),
    CHECK (num_nulls(skills, quality, availability, deadlines, communication, cooperation, overall) IN (0, 7)),
    CHECK (public_comment IS NULL OR overall IS NOT NULL)
);
