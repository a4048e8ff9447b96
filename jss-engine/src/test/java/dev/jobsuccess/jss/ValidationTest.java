package dev.jobsuccess.jss;

import static dev.jobsuccess.jss.Fixtures.AS_OF;
import static dev.jobsuccess.jss.Fixtures.contract;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {

    private static final ContractRecord OTHER = contract("other").build();

    /** The request with the contract under test first, then a valid one. */
    private static JssRequest withContract(Fixtures.Builder builder) {
        return new JssRequest(AS_OF, null, List.of(builder.build(), OTHER));
    }

    private static JssRequest withParams(JssParams params) {
        return new JssRequest(AS_OF, params, List.of(OTHER));
    }

    private static JssParams params(List<Long> tierBounds, Integer minCounted, Integer minClients, Boolean penalize) {
        return new JssParams(null, null, null, tierBounds, minCounted, minClients, penalize);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("asOf", new JssRequest(null, null, List.of(OTHER))),
                Arguments.of("contracts", new JssRequest(AS_OF, null, null)),
                Arguments.of("contracts[1]", new JssRequest(AS_OF, null, Arrays.asList(OTHER, null))),
                Arguments.of("contracts[0].contractId", withContract(contract("x").contractId(null))),
                Arguments.of("contracts[0].contractId", withContract(contract("x").contractId("  "))),
                Arguments.of("contracts[1].contractId",
                        new JssRequest(AS_OF, null, List.of(OTHER, contract("other").clientId("c-2").build()))),
                Arguments.of("contracts[0].clientId", withContract(contract("x").clientId(null))),
                Arguments.of("contracts[0].clientId", withContract(contract("x").clientId(""))),
                Arguments.of("contracts[0].status", withContract(contract("x").status(null))),
                Arguments.of("contracts[0].startedAt", withContract(contract("x").startedAt(null))),
                Arguments.of("contracts[0].endedAt", withContract(contract("x").endedAt(null))),
                Arguments.of("contracts[0].endedAt", withContract(contract("x").endedAt("2025-05-31"))),
                Arguments.of("contracts[0].netEarningsCents", withContract(contract("x").net(-1L))),
                Arguments.of("contracts[0].netEarningsCents", withContract(contract("x").net(null))),
                Arguments.of("contracts[0].netEarningsCents",
                        withContract(contract("x").net(Validator.MAX_NET_EARNINGS_CENTS + 1))),
                Arguments.of("contracts[0].paymentDates[1]",
                        withContract(contract("x").payments(Arrays.asList(LocalDate.parse("2025-06-02"), null)))),
                Arguments.of("contracts[0].privateRecommend", withContract(contract("x").recommend(-1))),
                Arguments.of("contracts[0].privateRecommend", withContract(contract("x").recommend(11))),
                Arguments.of("contracts[0].publicOverall", withContract(contract("x").publicOverall("0.99"))),
                Arguments.of("contracts[0].publicOverall", withContract(contract("x").publicOverall("5.01"))),
                Arguments.of("params.penalizeInactiveOpenContracts", withParams(params(null, null, null, true))),
                Arguments.of("params.tierBoundsCents", withParams(params(List.of(25_000L), null, null, null))),
                Arguments.of("params.tierBoundsCents",
                        withParams(params(List.of(1L, 2L, 3L), null, null, null))),
                Arguments.of("params.tierBoundsCents", withParams(params(List.of(0L, 100_000L), null, null, null))),
                Arguments.of("params.tierBoundsCents", withParams(params(List.of(-5L, 100_000L), null, null, null))),
                Arguments.of("params.tierBoundsCents",
                        withParams(params(List.of(100_000L, 100_000L), null, null, null))),
                Arguments.of("params.tierBoundsCents",
                        withParams(params(List.of(100_000L, 25_000L), null, null, null))),
                Arguments.of("params.tierBoundsCents",
                        withParams(params(Arrays.asList(null, 100_000L), null, null, null))),
                Arguments.of("params.tierBoundsCents", withParams(params(List.of(), null, null, null))),
                Arguments.of("params.minCountedContracts", withParams(params(null, 0, null, null))),
                Arguments.of("params.minDistinctClients", withParams(params(null, null, 0, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsNamingTheField(String field, JssRequest request) {
        InvalidJssInputException byValidate = assertThrows(InvalidJssInputException.class,
                () -> JssEngine.validate(request));
        assertEquals(field, byValidate.field());

        InvalidJssInputException byCompute = assertThrows(InvalidJssInputException.class,
                () -> JssEngine.compute(request));
        assertEquals(field, byCompute.field());

        InvalidJssInputException byJssWithout = assertThrows(InvalidJssInputException.class,
                () -> JssEngine.jssWithout(request));
        assertEquals(field, byJssWithout.field());
    }

    @Test
    void aNullRequestIsInvalid() {
        assertEquals("request", assertThrows(InvalidJssInputException.class, () -> JssEngine.compute(null)).field());
    }

    @Test
    void theMessageNamesTheField() {
        InvalidJssInputException e = assertThrows(InvalidJssInputException.class,
                () -> JssEngine.validate(withContract(contract("x").net(-1L))));
        assertEquals("contracts[0].netEarningsCents: must not be negative", e.getMessage());
    }

    static Stream<Arguments> validEdges() {
        return Stream.of(
                Arguments.of("private 0", withContract(contract("x").recommend(0))),
                Arguments.of("private 10", withContract(contract("x").recommend(10))),
                Arguments.of("public 1.00", withContract(contract("x").publicOverall("1.00"))),
                Arguments.of("public 5.00", withContract(contract("x").publicOverall("5.00"))),
                Arguments.of("public 5 at another scale", withContract(contract("x").publicOverall("5.0000"))),
                Arguments.of("zero money", withContract(contract("x").net(0L))),
                Arguments.of("largest money", withContract(contract("x").net(Validator.MAX_NET_EARNINGS_CENTS))),
                Arguments.of("ended the day it started", withContract(contract("x").endedAt("2025-06-01"))),
                Arguments.of("open without endedAt",
                        withContract(contract("x").status(ContractStatus.ACTIVE).endedAt(null))),
                Arguments.of("no payment dates", withContract(contract("x").payments(null))),
                Arguments.of("same client twice", withContract(contract("x").clientId(OTHER.clientId()))),
                Arguments.of("explicit defaults", withParams(params(List.of(25_000L, 100_000L), 1, 1, false))),
                Arguments.of("no contracts", new JssRequest(AS_OF, null, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validEdges")
    void accepts(String name, JssRequest request) {
        assertDoesNotThrow(() -> JssEngine.compute(request));
    }

    @Test
    void noContractsMeansNoScore() {
        JssResult result = JssEngine.compute(new JssRequest(AS_OF, null, List.of()));
        assertNull(result.jss());
        assertNull(result.selectedWindow());
        assertNull(result.band());
    }

    @Test
    void theRequestIsCopiedSoLaterChangesDoNotLeakIn() {
        List<ContractRecord> contracts = new ArrayList<>(List.of(OTHER));
        JssRequest request = new JssRequest(AS_OF, null, contracts);
        contracts.add(null);
        assertDoesNotThrow(() -> JssEngine.validate(request));
    }
}
