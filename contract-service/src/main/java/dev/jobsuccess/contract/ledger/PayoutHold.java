package dev.jobsuccess.contract.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Money paid to the freelancer (after the fee) that becomes available when the security hold ends. */
@Entity
@Table(name = "payout_hold")
public class PayoutHold extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(nullable = false)
    public String source;
    @Column(name = "milestone_id")
    public UUID milestoneId;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "net_cents", nullable = false)
    public long netCents;
    @Column(name = "releases_at", nullable = false)
    public Instant releasesAt;
    @Column(name = "cleared_at")
    public Instant clearedAt;

    protected PayoutHold() {
    }

    PayoutHold(UUID contractId, String source, UUID milestoneId, UUID invoiceId, long netCents, Instant releasesAt) {
        this.id = UUID.randomUUID();
        this.contractId = contractId;
        this.source = source;
        this.milestoneId = milestoneId;
        this.invoiceId = invoiceId;
        this.netCents = netCents;
        this.releasesAt = releasesAt;
    }
}
