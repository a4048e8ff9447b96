package dev.jobsuccess.contract.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with contract settings that contradict each other, which a single setting's bounds cannot catch:
 * a dormancy notice on or after the close would never be sent, and two notices out of order would send the later
 * day's notice first.
 */
@ApplicationScoped
public class ContractConfigCheck {

    void check(@Observes StartupEvent start, ContractConfig config) {
        List<Integer> days = config.dormantFixedPriceNoticeDays();
        int previous = 0;
        for (int day : days) {
            if (day <= previous || day >= config.dormantFixedPriceDays()) {
                throw new IllegalStateException("jobsuccess.contract.dormant-fixed-price-notice-days is " + days + " but must be "
                        + "ascending days from 1 to jobsuccess.contract.dormant-fixed-price-days - 1 ("
                        + (config.dormantFixedPriceDays() - 1) + "): a notice comes before the dormant contract is closed");
            }
            previous = day;
        }
    }
}
