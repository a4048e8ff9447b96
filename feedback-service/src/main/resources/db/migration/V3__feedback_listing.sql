-- GET /feedback lists what a user gave, newest first, and what they received, newest reveal first (PLATFORM: newest
-- submission first, revealed or not), a keyset page at a time.
CREATE INDEX feedback_given ON feedback (author_id, submitted_at DESC, id DESC);
CREATE INDEX feedback_received ON feedback (subject_id, revealed_at DESC, id DESC) WHERE revealed_at IS NOT NULL;
CREATE INDEX feedback_received_all ON feedback (subject_id, submitted_at DESC, id DESC);
