package dev.jobsuccess.score.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That a client's feedback was revealed (feedback-revealed); it may arrive before or after the feedback itself. */
@Entity
@Table(name = "feedback_reveal_fact")
public class FeedbackRevealFact extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public String feedbackId;
    @Column(name = "contract_id", nullable = false)
    public String contractId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "revealed_at", nullable = false)
    public Instant revealedAt;
    @Column(name = "reveal_cause", nullable = false)
    public String revealCause;
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected FeedbackRevealFact() {
    }

    /** A reveal cannot be undone: the first report is kept. Returns whether it was new. */
    static boolean record(FeedbackReveal reveal, UUID eventId, Instant now) {
        if (findById(reveal.feedbackId()) != null) {
            return false;
        }
        FeedbackRevealFact fact = new FeedbackRevealFact();
        fact.feedbackId = reveal.feedbackId();
        fact.contractId = reveal.contractId();
        fact.freelancerId = reveal.freelancerId();
        fact.clientId = reveal.clientId();
        fact.revealedAt = reveal.revealedAt();
        fact.revealCause = reveal.revealCause();
        fact.sourceEventId = eventId;
        fact.recordedAt = now;
        fact.persist();
        return true;
    }

    static List<FeedbackRevealFact> ofFreelancers(Collection<String> freelancerIds) {
        return list("freelancerId IN ?1", freelancerIds);
    }
}
