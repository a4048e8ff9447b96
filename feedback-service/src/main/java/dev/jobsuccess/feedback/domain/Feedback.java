package dev.jobsuccess.feedback.domain;

import java.math.BigDecimal;
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

import dev.jobsuccess.commons.problem.ProblemException;

/**
 * One party's feedback on one contract: an optional public part and a private part. Written once; the private
 * part never changes (domain.md §d.2.6).
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

    // Public part: all null when the author gave none.
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

    protected Feedback() {
    }

    /** The client's LEGACY_2015 feedback on the freelancer, after the contract ended. */
    public static Feedback byClient(FeedbackWindow window, PublicFeedback publicPart, PrivateFeedback privatePart, Instant now) {
        if (privatePart.endReasonCode() != null && !privatePart.endReasonCode().mayBeChosenBy(Party.CLIENT)) {
            throw ProblemException.badRequest("private.endReasonCode", privatePart.endReasonCode() + " is not a client's reason");
        }
        if (privatePart.recommendScore() < 0 || privatePart.recommendScore() > 10) {
            throw ProblemException.badRequest("private.recommendScore", "must be between 0 and 10");
        }
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.contractId = window.contractId;
        f.authorRole = Party.CLIENT;
        f.authorId = window.clientId;
        f.subjectId = window.freelancerId;
        f.formVersion = FormVersion.LEGACY_2015;
        f.midContract = false;
        if (publicPart != null) {
            Scores s = publicPart.scores();
            f.skills = s.skills();
            f.quality = s.quality();
            f.availability = s.availability();
            f.deadlines = s.deadlines();
            f.communication = s.communication();
            f.cooperation = s.cooperation();
            f.overall = s.overall();
            f.publicComment = publicPart.comment();
        }
        f.recommendScore = privatePart.recommendScore();
        f.endReasonCode = privatePart.endReasonCode();
        f.privateNote = privatePart.note();
        f.submittedAt = now;
        return f;
    }

    public static List<Feedback> onContract(String contractId) {
        return list("contractId = ?1 order by submittedAt, id", contractId);
    }

    public static boolean exists(String contractId, Party authorRole) {
        return count("contractId = ?1 and authorRole = ?2", contractId, authorRole) > 0;
    }

    /** The public part, or null when the author gave none. */
    public PublicFeedback publicPart() {
        if (overall == null) {
            return null;
        }
        return new PublicFeedback(new Scores(skills, quality, availability, deadlines, communication, cooperation), publicComment);
    }

    /** The private part, or null for a form without one. Callers decide who may see it through {@link Audience}. */
    public PrivateFeedback privatePart() {
        return recommendScore == null ? null : new PrivateFeedback(recommendScore, endReasonCode, privateNote);
    }
}
