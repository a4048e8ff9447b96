-- An offer the freelancer leaves unanswered expires (jobsuccess.contract.offer-expiry-days): OFFER_CANCELLED like a
-- declined or withdrawn one, with its own reason.
ALTER TABLE contract DROP CONSTRAINT contract_offer_closed_reason_check;
ALTER TABLE contract ADD CONSTRAINT contract_offer_closed_reason_check
    CHECK (offer_closed_reason IN ('DECLINED', 'WITHDRAWN', 'EXPIRED'));
-- The expiry timer looks for pending offers by age on every pass.
CREATE INDEX contract_offer_pending ON contract (created_at) WHERE status = 'OFFER_PENDING';
