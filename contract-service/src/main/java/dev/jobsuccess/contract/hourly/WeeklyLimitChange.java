package dev.jobsuccess.contract.hourly;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A weekly limit the client set, in force from {@code effectiveFrom} (now for an increase, next Monday for a decrease). */
@Entity
@Table(name = "weekly_limit_change")
public class WeeklyLimitChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(name = "effective_from", nullable = false)
    public Instant effectiveFrom;
    @Column(nullable = false)
    public int minutes;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    protected WeeklyLimitChange() {
    }

    WeeklyLimitChange(UUID contractId, Instant effectiveFrom, int minutes, Instant createdAt) {
        this.contractId = contractId;
        this.effectiveFrom = effectiveFrom;
        this.minutes = minutes;
        this.createdAt = createdAt;
    }
}
