-- The demo clock's setting, one row shared by every replica of the service (commons' ClockSettingStore): an offset
-- from system time or a pinned instant, and a version that tells replicas it moved. Empty unless the clock was moved.
CREATE TABLE clock_setting (
    id            BOOLEAN     PRIMARY KEY DEFAULT true CHECK (id),
    offset_micros BIGINT      NOT NULL,
    pinned_at     TIMESTAMPTZ,
    version       BIGINT      NOT NULL
);

-- commons' InboxPurge deletes inbox rows past the retention (jobsuccess.inbox.retention) in small batches by age.
CREATE INDEX inbox_message_processed_at ON inbox_message (processed_at);
