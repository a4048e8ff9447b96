package dev.jobsuccess.feedback.window;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.jobsuccess.feedback.party.Parties;
import dev.jobsuccess.feedback.party.Party;

/** The time an ended contract's parties have to leave feedback (domain.md §d.2). Never changes once opened. */
@Entity
@Table(name = "feedback_window")
public class FeedbackWindow extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by", nullable = false)
    public Party endedBy;
    /** The contract's own end reason (contract-closed), which may differ from the reasons the parties give. */
    @Column(name = "end_reason_code")
    public String endReasonCode;
    /** As of the close; the current value is in {@link ContractEarnings}. */
    @Column(name = "net_earnings_cents", nullable = false)
    public long netEarningsCents;
    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;
    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;
    /** When this service learned of the close, for tracing how late events arrive. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    /** When the window-close timer revealed what was left and announced the close; null until then. */
    @Column(name = "close_handled_at")
    public Instant closeHandledAt;

    protected FeedbackWindow() {
    }

    /**
     * The window from the contract's end to the closing instant contract-service announced with it; when this service
     * learns of it ({@code now}) does not move either end.
     */
    public static FeedbackWindow openFor(ClosedContract closed, Instant now) {
        FeedbackWindow w = new FeedbackWindow();
        w.contractId = closed.contractId();
        w.clientId = closed.clientId();
        w.freelancerId = closed.freelancerId();
        w.endedAt = closed.endedAt();
        w.endedBy = closed.endedBy();
        w.endReasonCode = closed.endReasonCode();
        w.netEarningsCents = closed.netEarningsCents();
        w.opensAt = closed.endedAt();
        w.closesAt = closed.windowClosesAt();
        w.recordedAt = now;
        return w;
    }

    /** Submissions are accepted up to and including the closing instant (domain.md §d.2.1). */
    public boolean acceptsSubmissionsAt(Instant now) {
        return !now.isAfter(closesAt);
    }

    /** The contract's parties. */
    public Parties parties() {
        return new Parties(contractId, clientId, freelancerId);
    }

    /** The user id of the given party of the contract. */
    public String idOf(Party party) {
        return parties().idOf(party);
    }
}
