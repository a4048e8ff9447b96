package dev.jobsuccess.chaos;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Contracts through whole lifecycles over REST, each driven by one worker thread from offer to feedback: milestones
 * with partial releases, escrow refunds, disputes with mediation and arbitration, hourly weeks, bonuses during and after
 * the contract, and both parties' feedback (a reveal when both submit). Only 2xx answers change the model; a refusal
 * the model did not expect is recorded (and the lifecycle stops there), so is a request without a definite answer.
 */
final class Workload {

    static final String CONTRACT = "contract-service";
    static final String FEEDBACK = "feedback-service";
    static final String PLATFORM_USER = "ops-chaos";
    private static final String[] CLIENT_END_REASONS = {"JOB_COMPLETED_SUCCESSFULLY", "JOB_COMPLETED_UNSUCCESSFULLY",
            "FREELANCER_UNRESPONSIVE", "NO_LONGER_NEEDED", "HIRED_SOMEONE_ELSE", "OTHER"};
    private static final String[] FREELANCER_END_REASONS = {"JOB_COMPLETED_SUCCESSFULLY", "CLIENT_NOT_RESPONSIVE", "OTHER"};

    /** Stops a lifecycle: a refusal the model did not expect, or no definite answer. */
    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private final Api api;
    private final String tag;
    private final int freelancers;
    private final int clients;
    final Queue<ModelContract> contracts = new ConcurrentLinkedQueue<>();
    final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> lifecycles = new java.util.concurrent.ConcurrentHashMap<>();

    Workload(Api api, String tag, int freelancers, int clients) {
        this.api = api;
        this.tag = tag;
        this.freelancers = freelancers;
        this.clients = clients;
    }

    String freelancer(int i) {
        return "f-" + tag + "-" + i;
    }

    List<String> freelancerIds() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < freelancers; i++) {
            out.add(freelancer(i));
        }
        return out;
    }

    /** Runs lifecycles until told to stop; the one under way then is finished. */
    void run(java.util.function.BooleanSupplier done) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (!done.getAsBoolean()) {
            String client = "c-" + tag + "-" + r.nextInt(clients);
            String freelancer = freelancer(r.nextInt(freelancers));
            int pick = r.nextInt(100);
            String kind = pick < 30 ? "fixed-complete" : pick < 55 ? "fixed-escrow-refund" : pick < 65 ? "fixed-freelancer-ends"
                    : pick < 90 ? "hourly" : "offer-declined";
            lifecycles.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            ModelContract c = null;
            try {
                c = offer(client, freelancer, kind.equals("hourly"), kind.equals("offer-declined") ? 1 : 2 + r.nextInt(2));
                if (kind.equals("offer-declined")) {
                    if (r.nextBoolean()) {
                        expect(api.post(CONTRACT, "/contracts/" + c.id + "/decline", freelancer, "FREELANCER", null), c, "decline");
                    } else {
                        expect(api.post(CONTRACT, "/contracts/" + c.id + "/withdraw", client, "CLIENT", null), c, "withdraw");
                    }
                    c.status = ModelContract.Status.OFFER_CANCELLED;
                    continue;
                }
                accept(c);
                switch (kind) {
                    case "fixed-complete" -> fixedComplete(c, r);
                    case "fixed-escrow-refund" -> fixedEscrowRefund(c, r);
                    case "fixed-freelancer-ends" -> fixedFreelancerEnds(c, r);
                    default -> hourly(c, r);
                }
                feedback(c, r);
                if (r.nextInt(4) == 0) {
                    bonus(c, 500 + r.nextInt(20_000));
                }
            } catch (Stop stop) {
                // recorded where it happened
            } catch (Api.Unanswered e) {
                if (c != null) {
                    c.uncertain = true;
                }
                unexpected.add("no definite answer: " + e.getMessage());
            }
        }
    }

    private ModelContract offer(String client, String freelancer, boolean hourly, int milestones) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("freelancerId", freelancer);
        body.put("type", hourly ? "HOURLY" : "FIXED_PRICE");
        body.put("title", "chaos " + (hourly ? "support" : "design"));
        body.put("category", hourly ? "support" : "design");
        List<Long> amounts = new ArrayList<>();
        if (hourly) {
            body.put("hourlyRateCents", 2_000 + 500L * ThreadLocalRandom.current().nextInt(10));
            body.put("weeklyLimitMinutes", 600);
        } else {
            List<Map<String, Object>> ms = new ArrayList<>();
            for (int i = 0; i < milestones; i++) {
                long cents = 100L * (50 + ThreadLocalRandom.current().nextInt(3_000));
                amounts.add(cents);
                ms.add(Map.of("description", "M" + (i + 1), "amountCents", cents));
            }
            body.put("milestones", ms);
        }
        Api.Response r = api.post(CONTRACT, "/contracts", client, "CLIENT", body);
        if (!r.ok()) {
            unexpected.add("offer: " + r.status() + " " + r.body());
            throw new Stop("offer");
        }
        ModelContract c = new ModelContract(r.body().path("contractId").asText(), client, freelancer, hourly);
        contracts.add(c);
        if (!hourly) {
            JsonNode list = ok(api.get(CONTRACT, "/contracts/" + c.id + "/milestones", client, "CLIENT"), c, "milestones");
            for (int i = 0; i < list.size(); i++) {
                c.milestones.add(new ModelContract.Milestone(list.get(i).path("milestoneId").asText(), amounts.get(i)));
            }
        }
        return c;
    }

    private void accept(ModelContract c) {
        expect(api.post(CONTRACT, "/contracts/" + c.id + "/accept", c.freelancerId, "FREELANCER", null), c, "accept");
        c.status = ModelContract.Status.ACTIVE;
        c.startedAt = today();
    }

    private void fund(ModelContract c, ModelContract.Milestone m) {
        expect(api.post(CONTRACT, milestone(c, m) + "/fund", c.clientId, "CLIENT", null), c, "fund");
        c.fund(m);
    }

    private void approve(ModelContract c, ModelContract.Milestone m) {
        expect(api.post(CONTRACT, milestone(c, m) + "/approve", c.clientId, "CLIENT", null), c, "approve");
        c.releaseMilestone(m, c.approveAmount(m));
    }

    private void bonus(ModelContract c, long cents) {
        expect(api.post(CONTRACT, "/contracts/" + c.id + "/bonus", c.clientId, "CLIENT", Map.of("amountCents", cents)), c, "bonus");
        c.bonus(cents);
    }

    /** Milestones approved in turn; with three, the second is released in part and the rest rolls into the third. */
    private void fixedComplete(ModelContract c, ThreadLocalRandom r) {
        ModelContract.Milestone m1 = c.milestones.get(0);
        ModelContract.Milestone m2 = c.milestones.get(1);
        fund(c, m1);
        expect(api.post(CONTRACT, milestone(c, m1) + "/submit", c.freelancerId, "FREELANCER", null), c, "submit");
        approve(c, m1);
        fund(c, m2);
        if (c.milestones.size() == 3) {
            ModelContract.Milestone m3 = c.milestones.get(2);
            // the rest must stay below the third milestone's amount, so it still needs a deposit
            long rest = 1 + r.nextLong(Math.min(m2.amount - 1, m3.amount - 1));
            long part = m2.amount - rest;
            expect(api.post(CONTRACT, milestone(c, m2) + "/release", c.clientId, "CLIENT", Map.of("amountCents", part)), c, "release");
            c.releaseMilestone(m2, part);
            fund(c, m3);
            approve(c, m3);
        } else {
            approve(c, m2);
        }
        if (r.nextBoolean()) {
            bonus(c, 500 + r.nextInt(50_000));
        }
        end(c, "CLIENT", CLIENT_END_REASONS[r.nextInt(CLIENT_END_REASONS.length)], null, 0);
    }

    /** The client ends with escrow; the freelancer approves the refund request or disputes it, down to arbitration. */
    private void fixedEscrowRefund(ModelContract c, ThreadLocalRandom r) {
        ModelContract.Milestone m1 = c.milestones.get(0);
        fund(c, m1);
        if (r.nextBoolean()) {
            approve(c, m1);
            fund(c, c.milestones.get(1));
        }
        long escrow = c.escrowHeld();
        boolean payPart = r.nextBoolean();
        long pay = payPart ? 1 + r.nextLong(escrow - 1) : 0;
        end(c, "CLIENT", CLIENT_END_REASONS[1 + r.nextInt(CLIENT_END_REASONS.length - 1)], payPart ? "PAY_AMOUNT" : "REQUEST_REFUND", pay);
        String base = "/contracts/" + c.id;
        int path = r.nextInt(6);
        if (path == 0) {
            expect(api.post(CONTRACT, base + "/escrow-refund-request/approve", c.freelancerId, "FREELANCER", null), c, "approve refund");
            c.settleRefund(0, "REFUNDED");
            return;
        }
        JsonNode dispute = ok(api.post(CONTRACT, base + "/escrow-refund-request/dispute", c.freelancerId, "FREELANCER", null), c, "dispute");
        c.markInRefund("DISPUTED");
        String did = dispute.path("disputeId").asText();
        if (path == 1) {
            expect(api.post(CONTRACT, base + "/disputes/" + did + "/accept", c.clientId, "CLIENT", null), c, "accept dispute");
            c.resolveDispute(c.refundPending(), "RELEASED");
            return;
        }
        expect(api.post(CONTRACT, base + "/disputes/" + did + "/reject", c.clientId, "CLIENT", null), c, "reject dispute");
        c.markInRefund("IN_MEDIATION");
        if (path == 2) {
            long held = c.refundPending();
            long split = r.nextLong(held + 1);
            expect(api.post(CONTRACT, base + "/disputes/" + did + "/mediation", PLATFORM_USER, "PLATFORM",
                    Map.of("agreed", true, "freelancerCents", split)), c, "mediation");
            c.resolveDispute(split, null);
            return;
        }
        expect(api.post(CONTRACT, base + "/disputes/" + did + "/mediation", PLATFORM_USER, "PLATFORM", Map.of("agreed", false)),
                c, "mediation failed");
        c.markInRefund("ARBITRATION_OFFERED");
        boolean clientPaid = r.nextBoolean();
        boolean freelancerPaid = path == 3 || r.nextBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientPaid", clientPaid);
        body.put("freelancerPaid", freelancerPaid);
        long held = c.refundPending();
        long award = r.nextLong(held + 1);
        if (clientPaid && freelancerPaid) {
            body.put("freelancerAwardCents", award);
        }
        expect(api.post(CONTRACT, base + "/arbitration", PLATFORM_USER, "PLATFORM", body), c, "arbitration");
        if (clientPaid) {
            c.arbitrationFee(true);
        }
        if (freelancerPaid) {
            c.arbitrationFee(false);
        }
        long toFreelancer = clientPaid && freelancerPaid ? award : freelancerPaid ? held : 0;
        String status = clientPaid && freelancerPaid ? null : freelancerPaid ? "RELEASED" : "REFUNDED";
        c.resolveDispute(toFreelancer, status);
    }

    /** The freelancer ends a contract holding escrow: all of it goes back to the client at once. */
    private void fixedFreelancerEnds(ModelContract c, ThreadLocalRandom r) {
        fund(c, c.milestones.get(0));
        if (r.nextBoolean()) {
            approve(c, c.milestones.get(0));
            fund(c, c.milestones.get(1));
        }
        end(c, "FREELANCER", FREELANCER_END_REASONS[r.nextInt(FREELANCER_END_REASONS.length)], null, 0);
    }

    /** An hourly week: time logged, the limit changed, a pause and restart, a bonus, then the end. */
    private void hourly(ModelContract c, ThreadLocalRandom r) {
        String base = "/contracts/" + c.id;
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            expect(api.post(CONTRACT, base + "/hourly/time-entries", c.freelancerId, "FREELANCER",
                    Map.of("minutes", 30 + r.nextInt(240), "memo", "chaos work " + i)), c, "time entry");
        }
        expect(api.call(CONTRACT, "PUT", base + "/hourly/weekly-limit", c.clientId, "CLIENT",
                Map.of("weeklyLimitMinutes", 300 + 60 * r.nextInt(10)), Api.NO_RETRY_ON_4XX), c, "weekly limit");
        if (r.nextBoolean()) {
            expect(api.post(CONTRACT, base + "/pause", c.clientId, "CLIENT", null), c, "pause");
            c.status = ModelContract.Status.PAUSED;
            expect(api.post(CONTRACT, base + "/restart", c.clientId, "CLIENT", null), c, "restart");
            c.status = ModelContract.Status.ACTIVE;
        }
        if (r.nextBoolean()) {
            bonus(c, 500 + r.nextInt(30_000));
        }
        if (r.nextInt(3) == 0) {
            end(c, "FREELANCER", FREELANCER_END_REASONS[r.nextInt(FREELANCER_END_REASONS.length)], null, 0);
        } else {
            end(c, "CLIENT", CLIENT_END_REASONS[r.nextInt(CLIENT_END_REASONS.length)], null, 0);
        }
    }

    private void end(ModelContract c, String by, String reason, String escrowAction, long pay) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endReasonCode", reason);
        if (escrowAction != null) {
            body.put("escrowAction", escrowAction);
            if (escrowAction.equals("PAY_AMOUNT")) {
                body.put("payAmountCents", pay);
            }
        }
        String user = by.equals("CLIENT") ? c.clientId : c.freelancerId;
        expect(api.post(CONTRACT, "/contracts/" + c.id + "/end", user, by, body), c, "end");
        c.status = ModelContract.Status.ENDED;
        c.endedAt = today();
        c.endedBy = by;
        c.endReason = reason;
        if (!c.hourly) {
            c.settleEscrowAtEnd(by, pay);
        }
    }

    /**
     * The client rates the freelancer (most of the time), the freelancer rates the client (often): both → revealed.
     * The window opens once feedback-service consumed contract-closed; until then the answer is 404, sent again.
     * Freelancers rate clients well, so no client is flagged.
     */
    private void feedback(ModelContract c, ThreadLocalRandom r) {
        if (r.nextInt(10) < 9) {
            int[] scores = new int[6];
            int sum = 0;
            for (int i = 0; i < 6; i++) {
                scores[i] = 1 + r.nextInt(5);
                sum += scores[i];
            }
            int recommend = r.nextInt(11);
            String reason = c.endedBy.equals("CLIENT") ? c.endReason : CLIENT_END_REASONS[r.nextInt(CLIENT_END_REASONS.length)];
            String body = String.format("{\"public\":{\"scores\":{\"skills\":%d,\"quality\":%d,\"availability\":%d,\"deadlines\":%d,"
                    + "\"communication\":%d,\"cooperation\":%d}},\"private\":{\"recommendScore\":%d,\"endReasonCode\":\"%s\"}}",
                    scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], recommend, reason);
            JsonNode f = ok(api.call(FEEDBACK, "POST", "/contracts/" + c.id + "/feedback", c.clientId, "CLIENT", body,
                    (status, code) -> status == 404), c, "client feedback");
            c.clientFeedback = new ModelContract.ClientFeedback(f.path("feedbackId").asText(), recommend,
                    BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(6), 2, RoundingMode.HALF_UP), reason);
        }
        if (r.nextInt(10) < 7) {
            String body = "{\"public\":{\"scores\":{\"skills\":5,\"quality\":5,\"availability\":5,\"deadlines\":5,"
                    + "\"communication\":5,\"cooperation\":5}},\"private\":{\"recommendScore\":10,\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}}";
            JsonNode f = ok(api.call(FEEDBACK, "POST", "/contracts/" + c.id + "/feedback", c.freelancerId, "FREELANCER", body,
                    (status, code) -> status == 404), c, "freelancer feedback");
            c.freelancerFeedbackId = f.path("feedbackId").asText();
        }
    }

    private static String milestone(ModelContract c, ModelContract.Milestone m) {
        return "/contracts/" + c.id + "/milestones/" + m.id;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private void expect(Api.Response r, ModelContract c, String step) {
        ok(r, c, step);
    }

    private JsonNode ok(Api.Response r, ModelContract c, String step) {
        if (!r.ok()) {
            unexpected.add(step + " on " + c.id + ": " + r.status() + " " + r.body());
            throw new Stop(step);
        }
        return r.body();
    }
}
