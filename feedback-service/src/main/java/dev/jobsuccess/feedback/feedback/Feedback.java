package dev.jobsuccess.feedback.feedback;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;

import dev.jobsuccess.feedback.party.Parties;
import dev.jobsuccess.feedback.party.Party;
import dev.jobsuccess.feedback.window.FeedbackWindow;

/**
 * One party's feedback on one contract: an optional public part and a private part. Written once; the private
 * part never changes, the public part may change once when its recipient allows it (domain.md §d.2.6). Each party
 * leaves one at the end of the contract; the client may also leave public-only mid-contract feedback while it runs.
 */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false)
    public String contractId;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_role", nullable = false)
    public Party authorRole;
    @Column(name = "author_id", nullable = false)
    public String authorId;
    @Column(name = "subject_id", nullable = false)
    public String subjectId;
    @Enumerated(EnumType.STRING)
    @Column(name = "form_version", nullable = false)
    public FormVersion formVersion;
    @Column(name = "mid_contract", nullable = false)
    public boolean midContract;

    // Public part: all null when the author gave none; the six scores are null on the STREAMLINED_2025 form.
    public Integer skills;
    public Integer quality;
    public Integer availability;
    public Integer deadlines;
    public Integer communication;
    public Integer cooperation;
    @Column(precision = 3, scale = 2)
    public BigDecimal overall;
    @Column(name = "public_comment")
    public String publicComment;

    // Private part.
    @Column(name = "recommend_score")
    public Integer recommendScore;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason_code")
    public EndReason endReasonCode;
    @Column(name = "private_note")
    public String privateNote;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    // Double-blind reveal and the profile (§d.2 rules 3 and 4).
    @Column(name = "revealed_at")
    public Instant revealedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "reveal_cause")
    public RevealCause revealCause;
    @Column(name = "visible_on_profile", nullable = false)
    public boolean visibleOnProfile;

    // The one public edit (§d.2 rule 6).
    @Column(name = "edit_allowed_at")
    public Instant editAllowedAt;
    @Column(name = "public_edited_at")
    public Instant publicEditedAt;

    // The recipient's one public reply (PUB S18), and the legacy perk's removal from the profile (§d.3.8).
    @Column(name = "reply_text")
    public String replyText;
    @Column(name = "replied_at")
    public Instant repliedAt;
    @Column(name = "removed_from_profile_at")
    public Instant removedFromProfileAt;

    protected Feedback() {
    }

    /** A party's end-of-contract feedback on the other party, in the parts its form accepted. */
    public static Feedback submit(FeedbackWindow window, Party author, FormVersion form, FeedbackForm.Accepted parts, Instant now) {
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.contractId = window.contractId;
        f.authorRole = author;
        f.authorId = window.idOf(author);
        f.subjectId = window.idOf(author.counterpart());
        f.formVersion = form;
        f.midContract = false;
        f.setPublicPart(parts.publicPart());
        PrivateFeedback priv = parts.privatePart();
        f.recommendScore = priv.recommendScore();
        f.endReasonCode = priv.endReasonCode();
        f.privateNote = priv.note();
        f.submittedAt = now;
        return f;
    }

    /**
     * The client's mid-contract feedback on an open contract (§d.2 rule 1): the public part alone, revealed at once,
     * shown on the profile under rule 4 like any revealed feedback.
     */
    public static Feedback midContract(Parties contract, FormVersion form, PublicFeedback publicPart, Instant now,
                                       long netEarningsCents, long minNetCents) {
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.contractId = contract.contractId();
        f.authorRole = Party.CLIENT;
        f.authorId = contract.clientId();
        f.subjectId = contract.freelancerId();
        f.formVersion = form;
        f.midContract = true;
        f.setPublicPart(publicPart);
        f.submittedAt = now;
        f.reveal(now, RevealCause.MID_CONTRACT, netEarningsCents, minNetCents);
        return f;
    }

    public static List<Feedback> onContract(String contractId) {
        return list("contractId = ?1 order by submittedAt, authorRole, id", contractId);
    }

    /** The party's end-of-contract feedback on the contract (one at most), or null; mid-contract feedback aside. */
    public static Feedback endOfContract(String contractId, Party authorRole) {
        return find("contractId = ?1 and authorRole = ?2 and midContract = false", contractId, authorRole).firstResult();
    }

    /** When the client last gave mid-contract feedback on the contract, or null if never. */
    public static Instant latestMidContractOn(String contractId) {
        return getEntityManager().createQuery(
                        "select max(f.submittedAt) from Feedback f where f.contractId = ?1 and f.midContract = true", Instant.class)
                .setParameter(1, contractId).getSingleResult();
    }

    /** The client feedback shown on a freelancer's profile, newest reveal first. */
    public static List<Feedback> onProfileOf(String freelancerId, int page, int size) {
        return find("subjectId = ?1 and authorRole = ?2 and visibleOnProfile = true order by revealedAt desc, id desc",
                freelancerId, Party.CLIENT).page(Page.of(page, size)).list();
    }

    public static long countOnProfileOf(String freelancerId) {
        return count("subjectId = ?1 and authorRole = ?2 and visibleOnProfile = true", freelancerId, Party.CLIENT);
    }

    /** The public part, or null when the author gave none. */
    public PublicFeedback publicPart() {
        if (overall == null) {
            return null;
        }
        Scores scores = skills == null ? null : new Scores(skills, quality, availability, deadlines, communication, cooperation);
        return new PublicFeedback(scores, overall, publicComment);
    }

    /** The private part, or null for mid-contract feedback, which has none. Callers decide who may see it through {@link Audience}. */
    public PrivateFeedback privatePart() {
        if (midContract) {
            return null;
        }
        return new PrivateFeedback(recommendScore, endReasonCode, privateNote);
    }

    public boolean revealed() {
        return revealedAt != null;
    }

    /** Makes the feedback visible to the other party; once only, so a later call changes nothing. */
    public boolean reveal(Instant at, RevealCause cause, long netEarningsCents, long minNetCents) {
        if (revealed()) {
            return false;
        }
        revealedAt = at;
        revealCause = cause;
        updateVisibility(netEarningsCents, minNetCents);
        return true;
    }

    /**
     * §d.2 rule 4: on the profile while revealed, with a public part to show, and the contract paid at least the minimum;
     * never again once removed from the profile (§d.3.8), whatever the earnings do.
     */
    public void updateVisibility(long netEarningsCents, long minNetCents) {
        visibleOnProfile = revealed() && overall != null && removedFromProfileAt == null && netEarningsCents >= minNetCents;
    }

    /**
     * An accepted JSS_AND_PROFILE removal (§d.3.8) takes the public rating and comment off the profile for good. Once
     * only: a repeated decision keeps the first instant. A decision made before the feedback was written counts from its
     * submission.
     */
    public void removeFromProfile(Instant decidedAt) {
        if (removedFromProfileAt == null) {
            removedFromProfileAt = decidedAt.isAfter(submittedAt) ? decidedAt : submittedAt;
            visibleOnProfile = false;
        }
    }

    public boolean removedFromProfile() {
        return removedFromProfileAt != null;
    }

    /** Until when the recipient may reply, or null while there is nothing public to reply to. */
    public Instant replyableUntil(Duration replyWindow) {
        return revealed() && overall != null ? revealedAt.plus(replyWindow) : null;
    }

    public boolean replied() {
        return repliedAt != null;
    }

    /** The recipient's one public reply; the service checks who may write it and until when. */
    public void reply(String text, Instant now) {
        if (replied()) {
            throw new IllegalStateException("feedback " + id + " already has its reply");
        }
        replyText = text;
        repliedAt = now;
    }

    /** Until when the author may edit the public part, or null while its recipient has not allowed it. */
    public Instant editableUntil(Duration editWindow) {
        return editAllowedAt == null ? null : editAllowedAt.plus(editWindow);
    }

    /** The author's one edit of the public part; the private part stays as it was written. */
    public void editPublicPart(PublicFeedback publicPart, Instant now) {
        setPublicPart(publicPart);
        publicEditedAt = now;
    }

    private void setPublicPart(PublicFeedback publicPart) {
        Scores s = publicPart == null ? null : publicPart.scores();
        skills = s == null ? null : s.skills();
        quality = s == null ? null : s.quality();
        availability = s == null ? null : s.availability();
        deadlines = s == null ? null : s.deadlines();
        communication = s == null ? null : s.communication();
        cooperation = s == null ? null : s.cooperation();
        overall = publicPart == null ? null : publicPart.overall();
        publicComment = publicPart == null ? null : publicPart.comment();
    }
}
