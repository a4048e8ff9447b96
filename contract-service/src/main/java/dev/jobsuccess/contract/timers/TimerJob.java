package dev.jobsuccess.contract.timers;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Runs the contract timers on a schedule; several replicas may run it at once (see {@link ContractTimers}). */
@ApplicationScoped
public class TimerJob {

    private final ContractTimers timers;

    TimerJob(ContractTimers timers) {
        this.timers = timers;
    }

    @Scheduled(identity = "contract-timers", every = "${jobsuccess.contract.timer-interval}", delayed = "${jobsuccess.contract.timer-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        timers.processDue();
    }
}
