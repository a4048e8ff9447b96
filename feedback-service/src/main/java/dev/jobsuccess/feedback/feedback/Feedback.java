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

import dev.jobsuccess.feedback.party.Party;
import dev.jobsuccess.feedback.window.FeedbackWindow;

/**
 * One party's feedback on one contract: an optional public part and a private part. Written once; the private
 * part never changes, the public part may change once when its recipient allows it (domain.md §d.2.6).
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

    public static List<Feedback> onContract(String contractId) {
        return list("contractId = ?1 order by submittedAt, authorRole, id", contractId);
    }

    public static Feedback on(String contractId, Party authorRole) {
        return find("contractId = ?1 and authorRole = ?2", contractId, authorRole).firstResult();
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

    /** The private part. Callers decide who may see it through {@link Audience}. */
    public PrivateFeedback privatePart() {
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

    /** §d.2 rule 4: on the profile while revealed, with a public part to show, and the contract paid at least the minimum. */
    public void updateVisibility(long netEarningsCents, long minNetCents) {
        visibleOnProfile = revealed() && overall != null && netEarningsCents >= minNetCents;
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
