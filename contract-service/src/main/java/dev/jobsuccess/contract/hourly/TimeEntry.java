package dev.jobsuccess.contract.hourly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Minutes the freelancer logged on one day of a billing week. */
@Entity
@Table(name = "time_entry")
public class TimeEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(name = "week_start", nullable = false)
    public LocalDate weekStart;
    @Column(name = "work_date", nullable = false)
    public LocalDate workDate;
    @Column(nullable = false)
    public int minutes;
    public String memo;
    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;

    protected TimeEntry() {
    }

    TimeEntry(UUID contractId, LocalDate workDate, int minutes, String memo, Instant loggedAt) {
        this.id = UUID.randomUUID();
        this.contractId = contractId;
        this.workDate = workDate;
        this.weekStart = WorkCalendar.weekStart(workDate);
        this.minutes = minutes;
        this.memo = memo;
        this.loggedAt = loggedAt;
    }
}
