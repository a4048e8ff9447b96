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
 * A client's mid-contract (periodic) feedback. Always stored, so that turning periodic_feedback_counts on
 * and rebuilding needs no replay; it enters a score only while that switch is on (domain.md §c C11).
 */
@Entity
@Table(name = "periodic_feedback_fact")
public class PeriodicFeedbackFact extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public String feedbackId;
    @Column(name = "contract_id", nullable = false)
    public String contractId;
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

    protected PeriodicFeedbackFact() {
    }

    /** Feedback is immutable: the first report of a feedback id is kept. Returns whether it was new. */
    static boolean record(ClientFeedback feedback, UUID eventId, Instant now) {
        if (findById(feedback.feedbackId()) != null) {
            return false;
        }
        PeriodicFeedbackFact fact = new PeriodicFeedbackFact();
        fact.feedbackId = feedback.feedbackId();
        fact.contractId = feedback.contractId();
        fact.freelancerId = feedback.freelancerId();
        fact.clientId = feedback.clientId();
        fact.privateRecommend = feedback.privateRecommend();
        fact.publicOverall = feedback.publicOverall();
        fact.submittedAt = feedback.submittedAt();
        fact.sourceEventId = eventId;
        fact.recordedAt = now;
        fact.persist();
        return true;
    }

    static List<PeriodicFeedbackFact> ofFreelancers(Collection<String> freelancerIds) {
        return list("freelancerId IN ?1", freelancerIds);
    }
}
