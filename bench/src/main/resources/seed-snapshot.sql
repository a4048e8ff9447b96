-- bin/bench snapshot: seeds score-service's fact tables directly (no events) for the snapshot benchmark.
-- Run with psql against score_bench AFTER score-service's Flyway migration:
--   psql -v freelancers=100000 -v as_of=2026-11-30 -f seed-snapshot.sql
-- Each freelancer sn-f-<i> gets two ended contracts with two different clients, each with the client's revealed
-- end-of-contract feedback (LEGACY_2015: public overall + private recommend), so every one of them has a score.
-- About one contract in eight is unhappy (2 stars, recommend 3). Ends are spread over the 700 days before as_of.
--
-- KEEP IN SYNC with score-service/src/main/resources/db/migration/*.sql: this writes contract_fact (its payment
-- instants in contract_fact_payment or, from V4 on, contract_fact.payment_instants), client_feedback_fact, feedback_reveal_fact and contract_party exactly as the
-- consumers store contract-closed, feedback-submitted and feedback-revealed. A schema change there must be
-- mirrored here (column names, NOT NULL columns, CHECK values).
\set ON_ERROR_STOP on
\timing off

BEGIN;
CREATE TEMP TABLE seed_contract_tx ON COMMIT DROP AS
SELECT 'sn-k-' || f || '-' || n                                   AS contract_id,
       'sn-f-' || f                                               AS freelancer_id,
       'sn-c-' || CASE n WHEN 1 THEN f % 5000 ELSE 5000 + (f + 1) % 5000 END AS client_id,
       ended_at,
       ended_at - interval '30 days'                              AS started_at,
       (5000 + ((f * 7919 + n * 104729) % 300000))::bigint        AS net_cents,
       ((f * 31 + n) % 8 = 0)                                     AS unhappy
FROM generate_series(1, :freelancers) AS f,
     generate_series(1, 2) AS n,
     LATERAL (SELECT (:'as_of'::date - ((3 + (f * 13 + n * 17) % 700) || ' days')::interval
                      + interval '12 hours')::timestamptz AS ended_at) e;


INSERT INTO contract_party (contract_id, freelancer_id, client_id)
SELECT contract_id, freelancer_id, client_id FROM seed_contract_tx;

-- The payment instants: rows of contract_fact_payment (migrations V1-V3), or contract_fact.payment_instants
-- (an array column, from the set-based pipeline's V4 on, which drops contract_fact_payment). Either works.
DO $seed$
DECLARE
    arrays boolean := EXISTS (SELECT 1 FROM information_schema.columns
                              WHERE table_schema = current_schema() AND table_name = 'contract_fact'
                                AND column_name = 'payment_instants');
BEGIN
    EXECUTE format($sql$
        INSERT INTO contract_fact (contract_id, freelancer_id, client_id, status, started_at, ended_at, net_earnings_cents,
                                   end_reason_code, dispute_outcome, occurred_at, source_event_id, recorded_at, ended_by %s)
        SELECT contract_id, freelancer_id, client_id, 'ENDED', started_at, ended_at, net_cents,
               CASE WHEN unhappy THEN 'JOB_COMPLETED_UNSUCCESSFULLY' ELSE 'JOB_COMPLETED_SUCCESSFULLY' END,
               'NONE', ended_at, gen_random_uuid(), now(), 'CLIENT' %s
        FROM seed_contract_tx$sql$,
        CASE WHEN arrays THEN ', payment_instants' ELSE '' END,
        CASE WHEN arrays THEN $a$, ARRAY[ended_at - interval '10 days', ended_at - interval '1 hour']$a$ ELSE '' END);
    IF to_regclass('contract_fact_payment') IS NOT NULL THEN
        INSERT INTO contract_fact_payment (contract_id, paid_at)
        SELECT contract_id, ended_at - interval '10 days' FROM seed_contract_tx
        UNION ALL
        SELECT contract_id, ended_at - interval '1 hour' FROM seed_contract_tx;
    END IF;
END
$seed$;

INSERT INTO client_feedback_fact (contract_id, feedback_id, freelancer_id, client_id, private_recommend, public_overall,
                                  submitted_at, source_event_id, recorded_at, private_end_reason)
SELECT contract_id, 'fb-' || contract_id, freelancer_id, client_id,
       CASE WHEN unhappy THEN 3 ELSE 9 END, CASE WHEN unhappy THEN 2 ELSE 5 END,
       ended_at + interval '1 day', gen_random_uuid(), now(),
       CASE WHEN unhappy THEN 'JOB_COMPLETED_UNSUCCESSFULLY' ELSE 'JOB_COMPLETED_SUCCESSFULLY' END
FROM seed_contract_tx;

INSERT INTO feedback_reveal_fact (feedback_id, contract_id, freelancer_id, client_id, revealed_at, reveal_cause,
                                  source_event_id, recorded_at)
SELECT 'fb-' || contract_id, contract_id, freelancer_id, client_id, ended_at + interval '2 days', 'BOTH_SUBMITTED',
       gen_random_uuid(), now()
FROM seed_contract_tx;
COMMIT;

ANALYZE contract_party;
ANALYZE contract_fact;
ANALYZE client_feedback_fact;
ANALYZE feedback_reveal_fact;
