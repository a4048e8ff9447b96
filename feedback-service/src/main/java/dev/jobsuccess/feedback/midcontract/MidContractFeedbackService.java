package dev.jobsuccess.feedback.midcontract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.feedback.config.FeedbackConfig;
import dev.jobsuccess.feedback.feedback.Feedback;
import dev.jobsuccess.feedback.feedback.FeedbackDraft;
import dev.jobsuccess.feedback.feedback.FeedbackForm;
import dev.jobsuccess.feedback.feedback.FormVersion;
import dev.jobsuccess.feedback.feedback.PublicFeedback;
import dev.jobsuccess.feedback.messaging.FeedbackEvents;
import dev.jobsuccess.feedback.opencontract.OpenContract;
import dev.jobsuccess.feedback.party.Actor;
import dev.jobsuccess.feedback.party.Parties;
import dev.jobsuccess.feedback.party.Party;
import dev.jobsuccess.feedback.window.ContractEarnings;
import dev.jobsuccess.feedback.window.FeedbackWindow;

/**
 * The client's public feedback on a running contract (§d.2 rule 1, PUB S17): public at once (there is no counterpart to
 * wait for), shown on the profile under rule 4, stored beside the end-of-contract feedback and published as
 * feedback-submitted with midContract=true for score-service, which keeps it apart as periodic feedback (C11).
 */
@ApplicationScoped
public class MidContractFeedbackService {

    private final Clock clock;
    private final FeedbackEvents events;
    private final FeedbackConfig config;
    private final MidContractRule rule;

    MidContractFeedbackService(Clock clock, FeedbackEvents events, FeedbackConfig config) {
        this.clock = clock;
        this.events = events;
        this.config = config;
        FeedbackConfig.MidContract m = config.midContract();
        this.rule = new MidContractRule(Duration.ofDays(m.minDaysSinceStart()), Duration.ofDays(m.paymentWithinDays()),
                Duration.ofDays(m.daysBetween()));
    }

    @Transactional
    public Feedback submit(String contractId, Actor actor, FeedbackDraft draft) {
        // The row lock queues the client's concurrent submissions: the second sees the first and is refused as too recent.
        OpenContract contract = OpenContract.findById(contractId, LockModeType.PESSIMISTIC_WRITE);
        FeedbackWindow window = FeedbackWindow.findById(contractId);
        Parties parties = contract != null ? contract.parties() : window != null ? window.parties() : null;
        Party party = parties == null ? null : actor.partyOn(parties);
        if (party == null) {
            throw ProblemException.notFound("contract", contractId);
        }
        if (party != Party.CLIENT) {
            throw ProblemException.forbidden("NOT_CLIENT", "only the contract's client gives mid-contract feedback");
        }
        FormVersion form = config.formVersion();
        PublicFeedback publicPart = FeedbackForm.acceptMidContract(form, draft);
        if (contract == null || contract.ended() || window != null) {
            throw ProblemException.conflict("CONTRACT_ENDED", "contract " + contractId
                    + " has ended: its feedback is the end-of-contract feedback (POST /contracts/{id}/feedback)");
        }
        Instant now = clock.instant();
        Instant last = Feedback.latestMidContractOn(contractId);
        MidContractRule.Refusal refusal = rule.refusal(contract, last, now);
        if (refusal != null) {
            throw ProblemException.conflict(refusal.name(), rule.explain(refusal, contract, last));
        }
        long net = ContractEarnings.of(contractId, contract.netEarningsCents);
        Feedback feedback = Feedback.midContract(parties, form, publicPart, now, net, config.publicVisibilityMinNetCents());
        feedback.persist();
        events.midContractSubmitted(feedback, parties);
        return feedback;
    }
}
