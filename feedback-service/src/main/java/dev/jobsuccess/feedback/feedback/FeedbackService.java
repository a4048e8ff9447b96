package dev.jobsuccess.feedback.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.feedback.config.FeedbackConfig;
import dev.jobsuccess.feedback.flag.ClientFlagService;
import dev.jobsuccess.feedback.messaging.FeedbackEvents;
import dev.jobsuccess.feedback.opencontract.OpenContract;
import dev.jobsuccess.feedback.party.Actor;
import dev.jobsuccess.feedback.party.Parties;
import dev.jobsuccess.feedback.party.Party;
import dev.jobsuccess.feedback.profile.ProfilePage;
import dev.jobsuccess.feedback.removal.ProfileRemoval;
import dev.jobsuccess.feedback.window.ContractEarnings;
import dev.jobsuccess.feedback.window.FeedbackWindow;

/**
 * Owns the transactions of feedback: each submission, reveal and edit is stored and its events written atomically.
 * Every write locks the contract's window row first, so submissions, edits and the window-close timer of one contract
 * queue behind each other.
 */
@ApplicationScoped
public class FeedbackService {

    private final Clock clock;
    private final FeedbackEvents events;
    private final FeedbackConfig config;
    private final ClientFlagService clientFlags;

    FeedbackService(Clock clock, FeedbackEvents events, FeedbackConfig config, ClientFlagService clientFlags) {
        this.clock = clock;
        this.events = events;
        this.config = config;
        this.clientFlags = clientFlags;
    }

    /**
     * A party's feedback on the other party, accepted once per party, while the window is open, on the configured form.
     * When the other party has already submitted, both are revealed now (§d.2 rule 3).
     */
    @Transactional
    public Feedback submit(String contractId, Actor actor, FeedbackDraft draft) {
        // The row lock queues concurrent submissions for one contract: the second sees the first and gets 409.
        FeedbackWindow window = FeedbackWindow.findById(contractId, LockModeType.PESSIMISTIC_WRITE);
        Party author = window == null ? null : actor.partyOn(window.parties());
        if (author == null) {
            throw ProblemException.notFound("contract", contractId);
        }
        FormVersion form = config.formVersion();
        FeedbackForm.Accepted parts = FeedbackForm.accept(form, author, draft);
        if (Feedback.endOfContract(contractId, author) != null) {
            throw ProblemException.conflict("ALREADY_SUBMITTED", "the " + author.name().toLowerCase()
                    + " has already left feedback on contract " + contractId);
        }
        Instant now = clock.instant();
        if (!window.acceptsSubmissionsAt(now) || window.closeHandledAt != null) {
            throw ProblemException.conflict("WINDOW_CLOSED", "the feedback window of contract " + contractId
                    + " closed at " + window.closesAt);
        }
        Feedback feedback = Feedback.submit(window, author, form, parts, now);
        Instant removal = author == Party.CLIENT ? ProfileRemoval.decidedAt(contractId, window.freelancerId) : null;
        if (removal != null) {
            // The freelancer's accepted JSS_AND_PROFILE removal came before the client wrote this (§d.3.8).
            feedback.removeFromProfile(removal);
        }
        feedback.persist();
        events.submitted(feedback, window);
        Feedback other = Feedback.endOfContract(contractId, author.counterpart());
        if (other != null) {
            for (Feedback f : byRole(List.of(other, feedback))) {
                reveal(window, f, now, RevealCause.BOTH_SUBMITTED);
            }
        }
        return feedback;
    }

    /**
     * A contract's feedback for one of its parties or the platform; others learn nothing, not even that it exists. An
     * open contract has no window yet, and may already have mid-contract feedback.
     */
    @Transactional
    public ContractFeedback visibleTo(String contractId, Actor actor) {
        FeedbackWindow window = FeedbackWindow.findById(contractId);
        Parties parties = partiesOf(contractId, window);
        Audience audience = parties == null ? null : audienceOf(actor, parties);
        if (audience == null) {
            throw ProblemException.notFound("contract", contractId);
        }
        List<Feedback> seen = Feedback.onContract(contractId).stream().filter(audience::sees).toList();
        return new ContractFeedback(parties, window, audience, seen, editWindow());
    }

    /** One feedback, for a caller who may see it; 404 for anyone else, so its existence stays blind too. */
    @Transactional
    public SeenFeedback one(String contractId, String feedbackId, Actor actor) {
        Parties parties = partiesOf(contractId, FeedbackWindow.findById(contractId));
        Audience audience = parties == null ? null : audienceOf(actor, parties);
        Feedback feedback = audience == null ? null : find(contractId, feedbackId);
        if (feedback == null || !audience.sees(feedback)) {
            throw ProblemException.notFound("feedback", feedbackId);
        }
        return new SeenFeedback(feedback, audience, editWindow());
    }

    /** The recipient of a revealed feedback lets its author change the public part once (§d.2 rule 6). */
    @Transactional
    public SeenFeedback allowEdit(String contractId, String feedbackId, Actor actor) {
        FeedbackWindow window = FeedbackWindow.findById(contractId, LockModeType.PESSIMISTIC_WRITE);
        Parties parties = partiesOf(contractId, window);
        Party party = parties == null ? null : actor.partyOn(parties);
        Feedback feedback = party == null ? null : find(contractId, feedbackId);
        if (feedback == null || (feedback.authorRole != party && !feedback.revealed())) {
            throw ProblemException.notFound("feedback", feedbackId);
        }
        if (feedback.authorRole == party) {
            throw ProblemException.forbidden("NOT_RECIPIENT", "only the feedback's recipient may allow its author to edit it");
        }
        refuseMidContractEdit(feedback);
        if (feedback.editAllowedAt != null) {
            throw ProblemException.conflict("EDIT_ALREADY_ALLOWED", "an edit of feedback " + feedbackId
                    + " was already allowed at " + feedback.editAllowedAt);
        }
        feedback.editAllowedAt = clock.instant();
        return new SeenFeedback(feedback, Audience.of(party), editWindow());
    }

    /**
     * The author's one edit of the public part, within the edit window after the recipient allowed it. The private part
     * is immutable (§d.2 rule 6). feedback-submitted is published again with the new public part.
     */
    @Transactional
    public SeenFeedback editPublic(String contractId, String feedbackId, Actor actor, FeedbackDraft.PublicDraft draft) {
        FeedbackWindow window = FeedbackWindow.findById(contractId, LockModeType.PESSIMISTIC_WRITE);
        Parties parties = partiesOf(contractId, window);
        Party party = parties == null ? null : actor.partyOn(parties);
        Feedback feedback = party == null ? null : find(contractId, feedbackId);
        if (feedback == null || (feedback.authorRole != party && !feedback.revealed())) {
            throw ProblemException.notFound("feedback", feedbackId);
        }
        if (feedback.authorRole != party) {
            throw ProblemException.forbidden("NOT_AUTHOR", "only the feedback's author may edit it");
        }
        refuseMidContractEdit(feedback);
        PublicFeedback publicPart = FeedbackForm.acceptPublic(feedback.formVersion, draft, "");
        Instant now = clock.instant();
        if (feedback.editAllowedAt == null) {
            throw ProblemException.conflict("EDIT_NOT_ALLOWED", "the recipient of feedback " + feedbackId + " has not allowed an edit");
        }
        if (feedback.publicEditedAt != null) {
            throw ProblemException.conflict("ALREADY_EDITED", "feedback " + feedbackId + " was already edited at "
                    + feedback.publicEditedAt + "; a public part may be edited once");
        }
        Instant until = feedback.editableUntil(editWindow());
        if (now.isAfter(until)) {
            throw ProblemException.conflict("EDIT_WINDOW_CLOSED", "the edit of feedback " + feedbackId + " had to be made by " + until);
        }
        feedback.editPublicPart(publicPart, now);
        feedback.updateVisibility(ContractEarnings.of(contractId, window.netEarningsCents), config.publicVisibilityMinNetCents());
        events.submitted(feedback, window);
        if (party == Party.FREELANCER) {
            clientFlags.feedbackChanged(window.clientId, window.freelancerId, now);
        }
        return new SeenFeedback(feedback, Audience.of(party), editWindow());
    }

    /**
     * The recipient's one public reply to a revealed feedback with a public part (PUB S18), within the reply window after
     * the reveal; immutable once written. Others get 404 as for reading it; its author gets 403.
     */
    @Transactional
    public SeenFeedback reply(String contractId, String feedbackId, Actor actor, String text) {
        Parties parties = partiesOf(contractId, FeedbackWindow.findById(contractId));
        Party party = parties == null ? null : actor.partyOn(parties);
        // The row lock queues two replies to one feedback: the second sees the first and gets 409.
        Feedback feedback = party == null ? null : find(contractId, feedbackId, LockModeType.PESSIMISTIC_WRITE);
        if (feedback == null || (feedback.authorRole != party && !feedback.revealed())) {
            throw ProblemException.notFound("feedback", feedbackId);
        }
        if (feedback.authorRole == party) {
            throw ProblemException.forbidden("NOT_RECIPIENT", "only the feedback's recipient may reply to it");
        }
        Audience audience = Audience.of(party);
        if (feedback.publicPart() == null || !audience.seesPublicPartOf(feedback)) {
            throw ProblemException.conflict("NO_PUBLIC_PART", "feedback " + feedbackId + " has no public part to reply to");
        }
        if (feedback.replied()) {
            throw ProblemException.conflict("ALREADY_REPLIED", "feedback " + feedbackId + " was replied to at "
                    + feedback.repliedAt + "; a reply is written once");
        }
        Instant now = clock.instant();
        Instant until = feedback.replyableUntil(replyWindow());
        if (now.isAfter(until)) {
            throw ProblemException.conflict("REPLY_WINDOW_CLOSED", "the reply to feedback " + feedbackId + " had to be written by " + until);
        }
        feedback.reply(text, now);
        return new SeenFeedback(feedback, audience, editWindow());
    }

    /** A freelancer's public profile: their clients' revealed feedback with a public part, on paid contracts. */
    @Transactional
    public ProfilePage profile(String freelancerId, int page, int size) {
        return new ProfilePage(Feedback.onProfileOf(freelancerId, page, size), Feedback.countOnProfileOf(freelancerId), page, size);
    }

    /**
     * The window is over: whatever was submitted and not yet revealed is revealed as of the closing instant, and the
     * close is announced, so "no feedback" is final. Called by the timer with the window locked; a window is handled once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeWindow(FeedbackWindow window, Instant now) {
        // Mid-contract feedback was public from its submission and is no answer to the end-of-contract double blind.
        List<Feedback> feedback = byRole(Feedback.onContract(window.contractId)).stream().filter(f -> !f.midContract).toList();
        for (Feedback f : feedback) {
            reveal(window, f, window.closesAt, RevealCause.WINDOW_EXPIRED);
        }
        window.closeHandledAt = now;
        events.windowClosed(window, feedback.stream().anyMatch(f -> f.authorRole == Party.CLIENT),
                feedback.stream().anyMatch(f -> f.authorRole == Party.FREELANCER));
    }

    /** The contract's net earnings changed: its revealed feedback shows on the profile or stops showing (§d.2 rule 4). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void earningsChanged(String contractId, long netEarningsCents) {
        for (Feedback f : Feedback.onContract(contractId)) {
            f.updateVisibility(netEarningsCents, config.publicVisibilityMinNetCents());
        }
    }

    /**
     * A freelancer's feedback on the client reaches the client's flag only here, once revealed: counted before, the flag
     * would move other freelancers' published scores and tell a watching client this freelancer's verdict early.
     */
    private void reveal(FeedbackWindow window, Feedback feedback, Instant at, RevealCause cause) {
        long net = ContractEarnings.of(window.contractId, window.netEarningsCents);
        if (feedback.reveal(at, cause, net, config.publicVisibilityMinNetCents())) {
            events.revealed(feedback, window);
            if (feedback.authorRole == Party.FREELANCER) {
                clientFlags.feedbackChanged(window.clientId, window.freelancerId, clock.instant());
            }
        }
    }

    private Duration editWindow() {
        return Duration.ofDays(config.editWindowDays());
    }

    private Duration replyWindow() {
        return Duration.ofDays(config.replyDays());
    }

    private static List<Feedback> byRole(List<Feedback> feedback) {
        return feedback.stream().sorted(Comparator.comparing((Feedback f) -> f.authorRole)).toList();
    }

    private static Feedback find(String contractId, String feedbackId) {
        return find(contractId, feedbackId, LockModeType.NONE);
    }

    private static Feedback find(String contractId, String feedbackId, LockModeType lock) {
        UUID id;
        try {
            id = UUID.fromString(feedbackId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Feedback feedback = Feedback.findById(id, lock);
        return feedback != null && feedback.contractId.equals(contractId) ? feedback : null;
    }

    private static Audience audienceOf(Actor actor, Parties parties) {
        if (actor.platform()) {
            return Audience.PLATFORM;
        }
        Party party = actor.partyOn(parties);
        return party == null ? null : Audience.of(party);
    }

    /** The contract's parties: from its window once it ended, from the open contract before; null when unknown. */
    private static Parties partiesOf(String contractId, FeedbackWindow window) {
        if (window != null) {
            return window.parties();
        }
        OpenContract open = OpenContract.findById(contractId);
        return open == null ? null : open.parties();
    }

    /**
     * The one edit (§d.2 rule 6) is for end-of-contract feedback: mid-contract feedback tells how the work went so far,
     * and the client says what changed in the next one (30 days later) or at the end.
     */
    private static void refuseMidContractEdit(Feedback feedback) {
        if (feedback.midContract) {
            throw ProblemException.conflict("MID_CONTRACT_NOT_EDITABLE", "feedback " + feedback.id
                    + " is mid-contract feedback, which is not edited");
        }
    }
}
