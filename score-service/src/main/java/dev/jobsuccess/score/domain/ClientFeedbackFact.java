package dev.jobsuccess.score.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client's end-of-contract feedback on a contract, as its feedback-submitted event reported it. Stored on its own,
 * whether or not the contract's close is known yet. Holds the private rating, which only the score
 * computation reads.
 */
@Entity
@Table(name = "client_feedback_fact")
public class ClientFeedbackFact extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "feedback_id", nullable = false)
    public String feedbackId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "private_recommend")
    public Integer privateRecommend;
    @Column(name = "public_overall")
    public BigDecimal publicOverall;
    /** The end reason the client gave privately, as sent; only a known capping reason has an effect. */
    @Column(name = "private_end_reason")
    public String privateEndReason;
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected ClientFeedbackFact() {
    }

    /**
     * Stores the client's feedback on its contract; of two submissions for one contract, the later
     * one is kept, so replays and reordering end in the same facts.
     */
    static boolean recordSubmitted(ClientFeedback feedback, UUID eventId, Instant now) {
        ClientFeedbackFact fact = findById(feedback.contractId());
        if (fact == null) {
            fact = new ClientFeedbackFact();
            fact.contractId = feedback.contractId();
            fact.apply(feedback, eventId, now);
            fact.persist();
            return true;
        }
        if (Newer.than(feedback.submittedAt(), eventId, fact.submittedAt, fact.sourceEventId)) {
            fact.apply(feedback, eventId, now);
            return true;
        }
        return false;
    }

    static List<ClientFeedbackFact> ofFreelancers(Collection<String> freelancerIds) {
        return list("freelancerId IN ?1", freelancerIds);
    }

    private void apply(ClientFeedback feedback, UUID eventId, Instant now) {
        feedbackId = feedback.feedbackId();
        freelancerId = feedback.freelancerId();
        clientId = feedback.clientId();
        privateRecommend = feedback.privateRecommend();
        publicOverall = feedback.publicOverall();
        privateEndReason = feedback.privateEndReason();
        submittedAt = feedback.submittedAt();
        sourceEventId = eventId;
        recordedAt = now;
    }
}
