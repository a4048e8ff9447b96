-- Dormancy notices (S46: day 76 and day 83 of inactivity, before the close on day 90): the last notice day already sent
-- in the contract's current inactivity period, 0 when none. Activity that moves last_activity_at starts a new period and
-- sets it back to 0, so each notice goes out once per period, whichever replica's timer pass sends it.
ALTER TABLE contract ADD COLUMN dormancy_notice_day INT NOT NULL DEFAULT 0 CHECK (dormancy_notice_day >= 0);
