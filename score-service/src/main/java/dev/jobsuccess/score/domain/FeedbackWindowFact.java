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

/** That a contract's feedback window closed (feedback-window-closed): the client's feedback on it, if any, is revealed. */
@Entity
@Table(name = "feedback_window_fact")
public class FeedbackWindowFact extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;
    @Column(name = "client_feedback_present", nullable = false)
    public boolean clientFeedbackPresent;
    @Column(name = "freelancer_feedback_present", nullable = false)
    public boolean freelancerFeedbackPresent;
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected FeedbackWindowFact() {
    }

    /** A window closes once: the first report is kept. Returns whether it was new. */
    static boolean record(FeedbackWindowClose close, UUID eventId, Instant now) {
        if (findById(close.contractId()) != null) {
            return false;
        }
        FeedbackWindowFact fact = new FeedbackWindowFact();
        fact.contractId = close.contractId();
        fact.freelancerId = close.freelancerId();
        fact.clientId = close.clientId();
        fact.closedAt = close.closedAt();
        fact.clientFeedbackPresent = close.clientFeedbackPresent();
        fact.freelancerFeedbackPresent = close.freelancerFeedbackPresent();
        fact.sourceEventId = eventId;
        fact.recordedAt = now;
        fact.persist();
        return true;
    }

    static List<FeedbackWindowFact> ofFreelancers(Collection<String> freelancerIds) {
        return list("freelancerId IN ?1", freelancerIds);
    }
}
