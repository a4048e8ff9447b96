package dev.jobsuccess.jss.advisor;

import static dev.jobsuccess.jss.advisor.Cases.date;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.jss.BadgeParams;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.Window;

class ForecastTest {

    private static final JssRequest EX6 = Cases.example("examples/ex06a-rolling-windows-2025-07-01.json");

    @Test
    void exitDatesFollowTheClampedMonthArithmetic() {
        // EX-6: Q1 ended 2024-09-10 is in W12 on 2025-09-10 and out on 2025-09-11.
        assertEquals(date("2025-09-11"), Forecast.exitDate(date("2024-09-10"), 12));
        // 2025-02-28 − 12 months = 2024-02-28: an outcome on 2024-02-29 is still in; 2025-03-01 − 12 = 2024-03-01: out.
        assertEquals(date("2025-03-01"), Forecast.exitDate(date("2024-02-29"), 12));
        // 2025-03-31 + 3 months = 06-30, but 06-30 − 3 months = 03-30 still keeps it; 07-01 − 3 months = 04-01 does not.
        assertEquals(date("2025-07-01"), Forecast.exitDate(date("2025-03-31"), 3));
    }

    @Test
    void ex6ShowsEightyUntilQ1LeavesW12ThenSeventyThree() {
        List<Forecast.Point> points = Forecast.project(EX6, date("2027-07-01"), BadgeParams.defaults(), List.of());

        // Hand-computed from EX-6's table: each exit date is the first day the window's start passes the end date.
        List<String> expected = List.of(
                "2025-07-01 80 SOLID W12 []",
                "2025-08-06 80 SOLID W12 [LEAVES_WINDOW Q2 W6]",                      // W6 = Q3+Q4 = 5/9 = 55
                "2025-09-11 73 AT_RISK W12 [LEAVES_WINDOW Q1 W12, SCORE_CHANGE 80 73, BAND_CHANGE SOLID AT_RISK]", // 11/15
                "2025-11-21 73 AT_RISK W12 [LEAVES_WINDOW Q3 W6]",
                "2025-12-11 73 AT_RISK W12 [LEAVES_WINDOW Q4 W6]",
                "2026-02-06 61 AT_RISK W24 [LEAVES_WINDOW Q2 W12, SCORE_CHANGE 73 61]",  // W12 = 5/9 = 55 < W24 16/26
                "2026-03-16 80 SOLID W24 [LEAVES_WINDOW N1 W24, SCORE_CHANGE 61 80, BAND_CHANGE AT_RISK SOLID]", // 16/20
                "2026-05-21 80 SOLID W24 [LEAVES_WINDOW Q3 W12]",
                "2026-06-11 80 SOLID W24 [LEAVES_WINDOW Q4 W12]",
                "2026-09-11 73 AT_RISK W24 [LEAVES_WINDOW Q1 W24, SCORE_CHANGE 80 73, BAND_CHANGE SOLID AT_RISK]", // 11/15
                "2027-02-06 55 AT_RISK W24 [LEAVES_WINDOW Q2 W24, SCORE_CHANGE 73 55]",  // 5/9
                "2027-05-21 null null null [LEAVES_WINDOW Q3 W24, NO_SCORE NOT_ENOUGH_CONTRACTS]", // Q4 alone
                "2027-06-11 null null null [LEAVES_WINDOW Q4 W24]");
        assertEquals(expected, points.stream().map(ForecastTest::describe).toList());
        // EX-6 never reaches 90: Top Rated is never within reach, and never changes.
        points.forEach(p -> assertEquals(false, p.estimate().topRatedEligible()));
    }

    @Test
    void everyDayBetweenTwoPointsHasTheEarlierPointsScore() {
        // An open long-term contract (eligibility ends 91 days after its last payment) and EX-6's history.
        List<ContractRecord> contracts = new ArrayList<>(EX6.contracts());
        contracts.add(new ContractRecord("L1", "c-l1", ContractStatus.ACTIVE, date("2025-01-01"), null, 300_000L,
                List.of(date("2025-02-01"), date("2025-04-15"), date("2025-06-20")), null, null, null, null, null, null));
        JssRequest request = new JssRequest(date("2025-07-01"), null, contracts);
        List<Forecast.Point> points = Forecast.project(request, date("2026-01-01"), BadgeParams.defaults(), List.of());
        int next = 0;
        Forecast.Point current = null;
        for (LocalDate d = date("2025-07-01"); !d.isAfter(date("2026-01-01")); d = d.plusDays(1)) {
            if (next < points.size() && points.get(next).date().equals(d)) {
                current = points.get(next++);
            }
            Estimate everyDay = Forecast.project(new JssRequest(d, null, contracts), d, BadgeParams.defaults(), List.of())
                    .getFirst().estimate();
            assertEquals(everyDay, current.estimate(), "on " + d);
        }
        assertEquals(points.size(), next);
        // L1 is long-term eligible until 90 days after 2025-06-20 and stops counting on 2025-09-19.
        Forecast.Point stop = points.stream().filter(p -> p.date().equals(date("2025-09-19"))).findFirst().orElseThrow();
        assertEquals(List.of(new Reason.InclusionChange("L1", Inclusion.COUNTED, Inclusion.EXCLUDED_OPEN)),
                stop.reasons().stream().filter(r -> r instanceof Reason.InclusionChange).toList());
    }

    @Test
    void topRatedEligibilityIsMarkedWhenItChanges() {
        // Two $500 successes (10 q of 10 → 100) that ended 2025-06-01; earnings 100 000 cents in 12 months; the first
        // contract started 2025-01-01 (over 90 days). Weekly scores come from the same contracts: 100 from the Sunday
        // 2025-06-01 on. On 2025-07-01 the last 16 Sundays hold 5 with a score (06-01 … 06-29): Top Rated needs 13.
        ContractRecord a = new ContractRecord("A", "c-a", ContractStatus.ENDED, date("2025-01-01"), date("2025-06-01"),
                50_000L, List.of(date("2025-06-01")), 10, null, null, null, null, null);
        ContractRecord b = new ContractRecord("B", "c-b", ContractStatus.ENDED, date("2025-05-01"), date("2025-06-01"),
                50_000L, List.of(date("2025-06-01")), 10, null, null, null, null, null);
        JssRequest request = new JssRequest(date("2025-07-01"), null, List.of(a, b));
        List<Forecast.Point> points = Forecast.project(request, date("2025-09-30"), BadgeParams.defaults(), List.of());
        // The 13th eligible Sunday is 2025-08-24 (06-01 + 12 weeks); activity (the end on 06-01) lasts 90 days, to 08-30.
        assertEquals(List.of("2025-07-01 100 TOP W24 []",
                        "2025-08-24 100 TOP W24 [TOP_RATED_ELIGIBILITY true]",
                        "2025-08-31 100 TOP W24 [TOP_RATED_ELIGIBILITY false]"),
                points.stream().map(ForecastTest::describe).toList());
    }

    static String describe(Forecast.Point p) {
        Estimate e = p.estimate();
        return p.date() + " " + e.jss() + " " + e.band() + " " + e.selectedWindow() + " "
                + p.reasons().stream().map(ForecastTest::describe).toList();
    }

    private static String describe(Reason r) {
        return switch (r) {
            case Reason.LeavesWindow l -> l.kind() + " " + l.contractId() + " " + l.window();
            case Reason.ScoreChange s -> s.kind() + " " + s.from() + " " + s.to();
            case Reason.BandChange b -> b.kind() + " " + b.from() + " " + b.to();
            case Reason.TopRatedEligibility t -> t.kind() + " " + t.eligible();
            case Reason.NoScore n -> n.kind() + " " + n.reason();
            case Reason.InclusionChange i -> i.kind() + " " + i.contractId() + " " + i.from() + " " + i.to();
        };
    }

    @Test
    void bandNamesAreTheEnginesOwn() {
        assertEquals(Band.SOLID, Band.of(80));
        assertEquals(Window.W12, Forecast.project(EX6, date("2025-07-01"), BadgeParams.defaults(), List.of())
                .getFirst().estimate().selectedWindow());
    }
}
