package dev.jobsuccess.score;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.score.facts.ClientFeedback;
import dev.jobsuccess.score.facts.ClientFlag;
import dev.jobsuccess.score.facts.ClosedContract;
import dev.jobsuccess.score.facts.Earning;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.Fact;
import dev.jobsuccess.score.facts.FeedbackReveal;
import dev.jobsuccess.score.facts.FeedbackWindowClose;
import dev.jobsuccess.score.facts.IncomingFact;
import dev.jobsuccess.score.facts.OpenContractPayment;
import dev.jobsuccess.score.facts.StartedContract;

/**
 * Facts for the tests that need a history rather than the consumers: built in Java and applied straight
 * through ScoreService (one transaction per batch, as a consumed batch would be). Every id is fresh.
 */
final class Seed {

    static final ObjectMapper JSON = new ObjectMapper();

    private Seed() {
    }

    static Instant noon(LocalDate date) {
        return date.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    static IncomingFact fact(Fact fact) {
        String type = switch (fact) {
            case ClosedContract c -> "contract.closed";
            case ClientFeedback f -> "feedback.submitted";
            case FeedbackReveal r -> "feedback.revealed";
            case ClientFlag f -> "client.flag-changed";
            case StartedContract s -> "contract.started";
            case OpenContractPayment p -> "contract.payment-recorded";
            case FeedbackWindowClose w -> "feedback.window-closed";
            default -> "test.fact";
        };
        return new IncomingFact(new EventCause(UUID.randomUUID(), type), fact);
    }

    /** A contract ended by its client at noon, paid once on its end date. */
    static ClosedContract closed(String contractId, String freelancerId, String clientId, LocalDate started, LocalDate ended,
                                 long netCents) {
        return new ClosedContract(contractId, freelancerId, clientId, noon(started), noon(ended), netCents,
                netCents > 0 ? List.of(noon(ended)) : List.of(), EndReason.JOB_COMPLETED_SUCCESSFULLY, EndedBy.CLIENT,
                DisputeOutcome.NONE, noon(ended), null, netCents > 0 ? List.of(new Earning(noon(ended), netCents)) : List.of());
    }

    /** The client's feedback, submitted the day after the end. */
    static ClientFeedback feedback(String feedbackId, String contractId, String freelancerId, String clientId, Integer recommend,
                                   BigDecimal overall, LocalDate ended) {
        return new ClientFeedback(feedbackId, contractId, freelancerId, clientId, recommend, overall, null, false,
                noon(ended.plusDays(1)));
    }

    /** A closed contract with its client's feedback, revealed: what it takes to count in the published score. */
    static List<IncomingFact> ratedContract(String freelancerId, String contractId, String clientId, LocalDate started,
                                            LocalDate ended, long netCents, Integer recommend, BigDecimal overall) {
        String feedbackId = UUID.randomUUID().toString();
        return List.of(fact(closed(contractId, freelancerId, clientId, started, ended, netCents)),
                fact(feedback(feedbackId, contractId, freelancerId, clientId, recommend, overall, ended)),
                fact(new FeedbackReveal(feedbackId, contractId, freelancerId, clientId, noon(ended.plusDays(2)), "BOTH_SUBMITTED")));
    }

    /** An example file of jss-engine-api.md from the test classpath ("examples/ex06a-....json"). */
    static JsonNode example(String path) {
        try (InputStream in = Seed.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example's contracts as one freelancer's facts, with fresh contract and client ids. */
    record Story(String freelancerId, List<IncomingFact> facts, Map<String, String> contractIds, Map<String, String> clientIds) {
        /** The example's contract id for a stored one. */
        String exampleContractId(String stored) {
            return contractIds.entrySet().stream().filter(e -> e.getValue().equals(stored)).findFirst().orElseThrow().getKey();
        }
    }

    /**
     * The example's contracts as facts: each ENDED one closed by its client (with its end reason and dispute outcome),
     * each open one started and reported with its status and payments (contract-started, contract-payment-recorded);
     * its client's feedback (revealed) when it has a rating, and a flag for each flagged client.
     */
    static Story story(JsonNode example) {
        String freelancerId = TestEvents.newId("f");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> contractIds = new LinkedHashMap<>();
        Map<String, String> clientIds = new LinkedHashMap<>();
        List<IncomingFact> facts = new ArrayList<>();
        for (JsonNode c : example.at("/request/contracts")) {
            String contractId = contractIds.computeIfAbsent(c.get("contractId").asText(), k -> k + "-" + run);
            String clientId = clientIds.computeIfAbsent(c.get("clientId").asText(), k -> k + "-" + run);
            LocalDate started = LocalDate.parse(c.get("startedAt").asText());
            List<Instant> payments = new ArrayList<>();
            c.path("paymentDates").forEach(p -> payments.add(noon(LocalDate.parse(p.asText()))));
            LocalDate ended;
            if ("ENDED".equals(c.get("status").asText())) {
                ended = LocalDate.parse(c.get("endedAt").asText());
                EndReason reason = text(c, "endReasonCode") == null ? null : EndReason.valueOf(text(c, "endReasonCode"));
                DisputeOutcome dispute = text(c, "disputeOutcome") == null ? DisputeOutcome.NONE
                        : DisputeOutcome.valueOf(text(c, "disputeOutcome"));
                facts.add(fact(new ClosedContract(contractId, freelancerId, clientId, noon(started), noon(ended),
                        c.get("netEarningsCents").asLong(), payments, reason, EndedBy.CLIENT, dispute, noon(ended), null, null)));
                // The examples' feedback is final: the client's end reason, part of their private feedback, counts.
                boolean rated = c.path("privateRecommend").isNumber() || c.path("publicOverall").isNumber();
                facts.add(fact(new FeedbackWindowClose(contractId, freelancerId, clientId, noon(ended), rated, false)));
            } else {
                // Open: its feedback is dated at its start, its payment report after its last payment.
                ended = started;
                facts.add(fact(new StartedContract(contractId, freelancerId, clientId, "HOURLY", null, noon(started),
                        noon(started))));
                Instant reported = payments.stream().max(Instant::compareTo).orElse(noon(started)).plusSeconds(1);
                facts.add(fact(new OpenContractPayment(contractId, freelancerId, clientId,
                        ContractStatus.valueOf(c.get("status").asText()), noon(started), c.get("netEarningsCents").asLong(),
                        payments, reported, null)));
            }
            Integer recommend = c.path("privateRecommend").isNumber() ? c.get("privateRecommend").asInt() : null;
            BigDecimal overall = c.path("publicOverall").isNumber() ? c.get("publicOverall").decimalValue() : null;
            if (recommend != null || overall != null) {
                String feedbackId = UUID.randomUUID().toString();
                facts.add(fact(feedback(feedbackId, contractId, freelancerId, clientId, recommend, overall, ended)));
                facts.add(fact(new FeedbackReveal(feedbackId, contractId, freelancerId, clientId, noon(ended), "BOTH_SUBMITTED")));
            }
            if (c.path("clientFlagged").asBoolean(false)) {
                facts.add(fact(new ClientFlag(clientId, true, "POOR_COLLABORATION", noon(ended))));
            }
        }
        return new Story(freelancerId, facts, contractIds, clientIds);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
