package dev.jobsuccess.jss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTest {

    @Test
    void percentFloorsOrRoundsHalfUp() {
        assertEquals(37, Scoring.percent(6, 16, Rounding.FLOOR));
        assertEquals(38, Scoring.percent(6, 16, Rounding.HALF_UP));
        assertEquals(33, Scoring.percent(1, 3, Rounding.HALF_UP));
        assertEquals(67, Scoring.percent(2, 3, Rounding.HALF_UP));
        assertEquals(100, Scoring.percent(7, 7, Rounding.HALF_UP));
        assertEquals(0, Scoring.percent(0, 7, Rounding.HALF_UP));
    }

    @Test
    void trendingNeedsBothAndRounds() {
        assertNull(Scoring.trending(null, 80, Rounding.FLOOR));
        assertNull(Scoring.trending(80, null, Rounding.FLOOR));
        assertEquals(64, Scoring.trending(55, 73, Rounding.FLOOR));
        assertEquals(45, Scoring.trending(54, 37, Rounding.FLOOR));
        assertEquals(46, Scoring.trending(54, 37, Rounding.HALF_UP));
    }

    private static Map<Window, Integer> values(Integer w24, Integer w12, Integer w6, Integer w3, Integer trending) {
        Map<Window, Integer> values = new EnumMap<>(Window.class);
        values.put(Window.W24, w24);
        values.put(Window.W12, w12);
        values.put(Window.W6, w6);
        values.put(Window.W3, w3);
        values.put(Window.TRENDING, trending);
        return values;
    }

    @Test
    void selectionTakesTheMaximumWithTiesToTheLongerWindow() {
        assertNull(Scoring.select(values(null, null, null, 100, null)), "W3 alone is never shown");
        assertEquals(Window.W24, Scoring.select(values(80, 80, 80, 80, 80)));
        assertEquals(Window.W12, Scoring.select(values(70, 80, 80, null, null)));
        assertEquals(Window.W6, Scoring.select(values(null, null, 66, 66, 66)));
        assertEquals(Window.TRENDING, Scoring.select(values(66, 66, 66, 100, 83)));
        assertEquals(Window.W6, Scoring.select(values(null, null, 50, null, null)));
    }
}
