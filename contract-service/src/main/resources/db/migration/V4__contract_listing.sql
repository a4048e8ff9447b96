-- GET /contracts lists a party's contracts newest first (or by end), a keyset page at a time: one index per party and
-- order, which also serves every lookup by party the old single-column indexes served.
CREATE INDEX contract_client_created ON contract (client_id, created_at DESC, id DESC);
CREATE INDEX contract_freelancer_created ON contract (freelancer_id, created_at DESC, id DESC);
CREATE INDEX contract_client_ended ON contract (client_id, ended_at DESC, id DESC) WHERE ended_at IS NOT NULL;
CREATE INDEX contract_freelancer_ended ON contract (freelancer_id, ended_at DESC, id DESC) WHERE ended_at IS NOT NULL;
CREATE INDEX contract_created ON contract (created_at DESC, id DESC);
DROP INDEX contract_client;
DROP INDEX contract_freelancer;
