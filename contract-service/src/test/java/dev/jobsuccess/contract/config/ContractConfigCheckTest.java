package dev.jobsuccess.contract.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Dormancy notice days that could not come before the close, or come out of order, stop the service at start. */
class ContractConfigCheckTest {

    private static ContractConfig config(List<Integer> noticeDays, int dormantDays) {
        return (ContractConfig) Proxy.newProxyInstance(ContractConfig.class.getClassLoader(), new Class<?>[] {ContractConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "dormantFixedPriceNoticeDays" -> noticeDays;
                    case "dormantFixedPriceDays" -> dormantDays;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void noticeDaysMustAscendAndComeBeforeTheClose() {
        ContractConfigCheck check = new ContractConfigCheck();
        assertDoesNotThrow(() -> check.check(null, config(List.of(76, 83), 90)));
        assertDoesNotThrow(() -> check.check(null, config(List.of(), 90)));
        assertThrows(IllegalStateException.class, () -> check.check(null, config(List.of(76, 90), 90)));
        assertThrows(IllegalStateException.class, () -> check.check(null, config(List.of(83, 76), 90)));
        assertThrows(IllegalStateException.class, () -> check.check(null, config(List.of(76, 76), 90)));
        assertThrows(IllegalStateException.class, () -> check.check(null, config(List.of(0, 83), 90)));
    }
}
