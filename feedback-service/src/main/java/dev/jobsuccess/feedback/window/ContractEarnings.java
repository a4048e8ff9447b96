package dev.jobsuccess.feedback.window;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A contract's current net earnings (§d.1.4), which decide whether its public feedback shows on the profile. The value
 * with the latest {@code asOf} wins, whatever order the events arrive in.
 */
@Entity
@Table(name = "contract_earnings")
public class ContractEarnings extends PanacheEntityBase {

    public enum Source { CONTRACT_CLOSED, EARNINGS_ADJUSTED }

    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "net_earnings_cents", nullable = false)
    public long netEarningsCents;
    /** The instant the value holds from: the end for contract-closed, occurredAt for an adjustment. */
    @Column(name = "as_of", nullable = false)
    public Instant asOf;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public Source source;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected ContractEarnings() {
    }

    /**
     * Records the value unless one as of a later instant is already known; an adjustment replaces a close's value as
     * of the same instant, a close never replaces an adjustment. True when the stored value is now this one.
     */
    public static boolean record(String contractId, long netEarningsCents, Instant asOf, Source source, Instant now) {
        String sql = source == Source.CONTRACT_CLOSED
                ? """
                  INSERT INTO contract_earnings (contract_id, net_earnings_cents, as_of, source, updated_at)
                  VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (contract_id) DO NOTHING"""
                : """
                  INSERT INTO contract_earnings (contract_id, net_earnings_cents, as_of, source, updated_at)
                  VALUES (?1, ?2, ?3, ?4, ?5)
                  ON CONFLICT (contract_id) DO UPDATE
                  SET net_earnings_cents = excluded.net_earnings_cents, as_of = excluded.as_of,
                      source = excluded.source, updated_at = excluded.updated_at
                  WHERE contract_earnings.as_of <= excluded.as_of""";
        return getEntityManager().createNativeQuery(sql)
                .setParameter(1, contractId)
                .setParameter(2, netEarningsCents)
                .setParameter(3, Timestamp.from(asOf))
                .setParameter(4, source.name())
                .setParameter(5, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    /** The contract's current net earnings; {@code fallback} when nothing was recorded (never after its close). */
    public static long of(String contractId, long fallback) {
        ContractEarnings e = findById(contractId);
        return e == null ? fallback : e.netEarningsCents;
    }
}
