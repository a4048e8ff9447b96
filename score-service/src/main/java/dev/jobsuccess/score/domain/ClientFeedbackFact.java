package dev.jobsuccess.score.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client's feedback on a contract, as its feedback-submitted event reported it. Stored on its own,
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
    static void recordSubmitted(ClientFeedback feedback, UUID eventId, Instant now) {
        ClientFeedbackFact fact = findById(feedback.contractId());
        if (fact == null) {
            fact = new ClientFeedbackFact();
            fact.contractId = feedback.contractId();
            fact.apply(feedback, eventId, now);
            fact.persist();
            return;
        }
        if (!feedback.submittedAt().isBefore(fact.submittedAt)) {
            fact.apply(feedback, eventId, now);
        }
    }

    static List<ClientFeedbackFact> ofFreelancer(String freelancerId) {
        return list("freelancerId", freelancerId);
    }

    private void apply(ClientFeedback feedback, UUID eventId, Instant now) {
        feedbackId = feedback.feedbackId();
        freelancerId = feedback.freelancerId();
        clientId = feedback.clientId();
        privateRecommend = feedback.privateRecommend();
        publicOverall = feedback.publicOverall();
        submittedAt = feedback.submittedAt();
        sourceEventId = eventId;
        recordedAt = now;
    }
}
