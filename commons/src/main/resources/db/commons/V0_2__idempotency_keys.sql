-- Idempotency keys (Stripe's semantics): the first response to a caller's key, written in the transaction of the
-- effect, so a retried request either finds it or finds nothing done. Purged after the retention (24 h by default).
CREATE TABLE idempotency_key (
    caller       TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    fingerprint  TEXT        NOT NULL,
    status       INT         NOT NULL,
    body         TEXT,
    location     TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
