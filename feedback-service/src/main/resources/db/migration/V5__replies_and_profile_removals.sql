-- Issue #13: the recipient's one public reply to a feedback (PUB S18), and the legacy perk's removal of a client's
-- end-of-contract public feedback from the freelancer's profile (domain.md §d.3.8, decided by score-service).

ALTER TABLE feedback
    -- One reply per feedback, by its recipient, immutable: the text and its instant come together.
    ADD COLUMN reply_text              TEXT,
    ADD COLUMN replied_at              TIMESTAMPTZ,
    -- Set once an accepted JSS_AND_PROFILE removal applies; never cleared, so no earnings change brings it back.
    ADD COLUMN removed_from_profile_at TIMESTAMPTZ,
    ADD CONSTRAINT feedback_reply_whole CHECK ((reply_text IS NULL) = (replied_at IS NULL)),
    ADD CONSTRAINT feedback_reply_to_public CHECK (replied_at IS NULL OR (revealed_at IS NOT NULL AND overall IS NOT NULL)),
    ADD CONSTRAINT feedback_removed_hidden CHECK (removed_from_profile_at IS NULL OR NOT visible_on_profile),
    ADD CONSTRAINT feedback_removed_is_client_end CHECK (
        removed_from_profile_at IS NULL OR (author_role = 'CLIENT' AND NOT mid_contract));

-- Accepted JSS_AND_PROFILE removals, one per decided request. Kept apart from the feedback: the decision may come
-- while the client's feedback is still to be written (the window of an ended contract is open), and applies when it is.
CREATE TABLE profile_removal (
    request_id     UUID        PRIMARY KEY,
    contract_id    TEXT        NOT NULL,
    freelancer_id  TEXT        NOT NULL,
    decided_at     TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX profile_removal_contract ON profile_removal (contract_id, freelancer_id);
