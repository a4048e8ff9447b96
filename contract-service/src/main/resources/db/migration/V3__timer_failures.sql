-- A contract whose due timers failed (a bug or an impossible state, e.g. an amount that overflows). Its timers are
-- retried from retry_at on, with a growing delay, so one broken contract neither holds up the others' timers nor
-- its own parties' commands, and is not retried on every pass. The row goes once the contract's timers run through.
CREATE TABLE timer_failure (
    contract_id  UUID        PRIMARY KEY REFERENCES contract (id),
    failures     INT         NOT NULL CHECK (failures > 0),
    last_error   TEXT        NOT NULL,
    failed_at    TIMESTAMPTZ NOT NULL,
    retry_at     TIMESTAMPTZ NOT NULL
);
