-- Issue #4: the double-blind reveal, profile visibility, one public edit, the STREAMLINED_2025 form, the contract's
-- current net earnings and the client flag (domain.md §d.2, §d.3.3).

-- The contract's own end reason, as contract-closed reported it (a CLIENT_SUSPENDED end flags the client), and when
-- the window-close timer handled the window: null until then, so a due window is handled exactly once.
ALTER TABLE feedback_window
    ADD COLUMN end_reason_code TEXT,
    ADD COLUMN close_handled_at TIMESTAMPTZ;
COMMENT ON COLUMN feedback_window.net_earnings_cents IS
    'As of the close, from contract-closed; the current value is contract_earnings.net_earnings_cents.';
-- The timer's query: windows past their end that it has not handled yet, oldest first.
CREATE INDEX feedback_window_due ON feedback_window (closes_at) WHERE close_handled_at IS NULL;

-- The STREAMLINED_2025 form gives one 1..5 star value and no six scores: the public part is then the overall alone.
ALTER TABLE feedback DROP CONSTRAINT feedback_check;
ALTER TABLE feedback ADD CONSTRAINT feedback_public_shape CHECK (
    CASE form_version
        WHEN 'LEGACY_2015' THEN num_nulls(skills, quality, availability, deadlines, communication, cooperation, overall) IN (0, 7)
        ELSE num_nonnulls(skills, quality, availability, deadlines, communication, cooperation) = 0
             AND (overall IS NULL OR overall = trunc(overall))
    END);

ALTER TABLE feedback
    -- Double-blind reveal (§d.2 rule 3): set once, when both parties have submitted or the window closed.
    ADD COLUMN revealed_at        TIMESTAMPTZ,
    ADD COLUMN reveal_cause       TEXT CHECK (reveal_cause IN ('BOTH_SUBMITTED', 'WINDOW_EXPIRED')),
    -- §d.2 rule 4: revealed, with a public part, and the contract's current net earnings at least the minimum.
    ADD COLUMN visible_on_profile BOOLEAN NOT NULL DEFAULT false,
    -- §d.2 rule 6: the recipient allows one edit of the public part, which the author may make within the edit window.
    ADD COLUMN edit_allowed_at    TIMESTAMPTZ,
    ADD COLUMN public_edited_at   TIMESTAMPTZ,
    ADD CONSTRAINT feedback_reveal_whole CHECK ((revealed_at IS NULL) = (reveal_cause IS NULL)),
    ADD CONSTRAINT feedback_visible_when_revealed CHECK (NOT visible_on_profile OR (revealed_at IS NOT NULL AND overall IS NOT NULL)),
    ADD CONSTRAINT feedback_edit_after_allowed CHECK (public_edited_at IS NULL OR edit_allowed_at IS NOT NULL),
    ADD CONSTRAINT feedback_allowed_after_reveal CHECK (edit_allowed_at IS NULL OR revealed_at IS NOT NULL);

-- The freelancer's public profile: their clients' visible feedback, newest reveal first.
CREATE INDEX feedback_profile ON feedback (subject_id, revealed_at DESC, id DESC)
    WHERE visible_on_profile AND author_role = 'CLIENT';
-- The client flag counts the freelancers who left feedback on a client.
CREATE INDEX feedback_on_client ON feedback (subject_id, author_id) WHERE author_role = 'FREELANCER';

-- The contract's current net earnings: contract-closed gives the value at the end, each contract-earnings-adjusted a
-- newer one. The latest by occurredAt (as_of) wins, so redelivered or reordered events end in the same value; an
-- adjustment that overtakes its contract-closed is kept here until the close arrives.
CREATE TABLE contract_earnings (
    contract_id         TEXT        PRIMARY KEY,
    net_earnings_cents  BIGINT      NOT NULL CHECK (net_earnings_cents >= 0),
    as_of               TIMESTAMPTZ NOT NULL,
    source              TEXT        NOT NULL CHECK (source IN ('CONTRACT_CLOSED', 'EARNINGS_ADJUSTED')),
    updated_at          TIMESTAMPTZ NOT NULL
);
INSERT INTO contract_earnings (contract_id, net_earnings_cents, as_of, source, updated_at)
SELECT contract_id, net_earnings_cents, ended_at, 'CONTRACT_CLOSED', recorded_at FROM feedback_window;

-- Whether a client is flagged (§d.3.3), as last evaluated; client-flag-changed is published when `flagged` changes.
CREATE TABLE client_flag (
    client_id             TEXT        PRIMARY KEY,
    flagged               BOOLEAN     NOT NULL,
    reason                TEXT        NOT NULL CHECK (reason IN ('POOR_COLLABORATION', 'CLIENT_SUSPENDED', 'NONE')),
    suspended             BOOLEAN     NOT NULL,
    distinct_freelancers  INTEGER     NOT NULL CHECK (distinct_freelancers >= 0),
    negative_freelancers  INTEGER     NOT NULL CHECK (negative_freelancers BETWEEN 0 AND distinct_freelancers),
    evaluated_at          TIMESTAMPTZ NOT NULL,
    CHECK (flagged = (reason <> 'NONE')),
    CHECK (NOT suspended OR reason = 'CLIENT_SUSPENDED')
);
