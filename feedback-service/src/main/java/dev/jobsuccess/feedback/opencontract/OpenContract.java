package dev.jobsuccess.feedback.opencontract;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.jobsuccess.feedback.party.Parties;

/**
 * A contract that started, as contract-started and contract-payment-recorded describe it: the latest event by
 * occurredAt ({@code asOf}) wins, whatever order they arrive in. contract-closed sets {@code endedAt}; the row stays, so
 * a late event cannot make the contract look open again.
 */
@Entity
@Table(name = "open_contract")
public class OpenContract extends PanacheEntityBase {

    public enum Status { ACTIVE, PAUSED }

    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    /** The latest of the contract's payment instants (all of them are in payment_instants), or null before the first. */
    @Column(name = "last_payment_at")
    public Instant lastPaymentAt;
    @Column(name = "net_earnings_cents", nullable = false)
    public long netEarningsCents;
    @Column(name = "as_of", nullable = false)
    public Instant asOf;
    /** Set by contract-closed; from then on feedback-service knows the contract by its feedback window. */
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected OpenContract() {
    }

    public Parties parties() {
        return new Parties(contractId, clientId, freelancerId);
    }

    public boolean ended() {
        return endedAt != null;
    }

    /**
     * Records a contract-started unless the contract is already known: any other event about it is as new or newer and
     * carries the start too. True when this call recorded it.
     */
    public static boolean started(ContractStart start, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO open_contract (contract_id, client_id, freelancer_id, started_at, status, payment_instants,
                                                   last_payment_at, net_earnings_cents, as_of, updated_at)
                        VALUES (?1, ?2, ?3, ?4, 'ACTIVE', '{}', NULL, 0, ?5, ?6)
                        ON CONFLICT (contract_id) DO NOTHING""")
                .setParameter(1, start.contractId())
                .setParameter(2, start.clientId())
                .setParameter(3, start.freelancerId())
                .setParameter(4, Timestamp.from(start.startedAt()))
                .setParameter(5, Timestamp.from(start.occurredAt()))
                .setParameter(6, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    /**
     * Records the totals a contract-payment-recorded carries unless an event as of a later instant is already known (one
     * as of the same instant replaces a contract-started). The parties stay as first recorded. True when the stored
     * state is now this event's.
     */
    public static boolean paymentRecorded(PaymentRecord payment, Instant now) {
        // The instants go as one PostgreSQL array literal: ISO instants need no quoting inside it.
        String instants = payment.paymentInstants().stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}"));
        return getEntityManager().createNativeQuery("""
                        INSERT INTO open_contract (contract_id, client_id, freelancer_id, started_at, status, payment_instants,
                                                   last_payment_at, net_earnings_cents, as_of, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS timestamptz[]),
                                (SELECT max(p) FROM unnest(CAST(?6 AS timestamptz[])) AS p), ?7, ?8, ?9)
                        ON CONFLICT (contract_id) DO UPDATE
                        SET started_at = excluded.started_at, status = excluded.status,
                            payment_instants = excluded.payment_instants, last_payment_at = excluded.last_payment_at,
                            net_earnings_cents = excluded.net_earnings_cents, as_of = excluded.as_of, updated_at = excluded.updated_at
                        WHERE open_contract.as_of <= excluded.as_of""")
                .setParameter(1, payment.contractId())
                .setParameter(2, payment.clientId())
                .setParameter(3, payment.freelancerId())
                .setParameter(4, Timestamp.from(payment.startedAt()))
                .setParameter(5, payment.status().name())
                .setParameter(6, instants)
                .setParameter(7, payment.netEarningsCents())
                .setParameter(8, Timestamp.from(payment.occurredAt()))
                .setParameter(9, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    /** The contract ended (contract-closed); true when this call recorded the end. */
    public static boolean ended(String contractId, Instant endedAt, Instant now) {
        return update("endedAt = ?1, updatedAt = ?2 where contractId = ?3 and endedAt is null", endedAt, now, contractId) == 1;
    }

    /** What contract-started says about a contract. */
    public record ContractStart(String contractId, String clientId, String freelancerId, Instant startedAt, Instant occurredAt) {}

    /** What contract-payment-recorded says: the totals so far, as of {@code occurredAt}. */
    public record PaymentRecord(String contractId, String clientId, String freelancerId, Status status, Instant startedAt,
                                long netEarningsCents, List<Instant> paymentInstants, Instant occurredAt) {}
}
