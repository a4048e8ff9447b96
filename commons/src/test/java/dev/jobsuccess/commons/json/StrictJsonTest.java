package dev.jobsuccess.commons.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Each lax reading Jackson allows by default, refused; each plain one still read. */
class StrictJsonTest {

    enum Reason { FIRST, SECOND }

    record Body(Long amountCents, Integer minutes, Boolean dryRun, String title, Reason reason, LocalDate date, Instant at,
                Double share, boolean flag) {}

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void readsPlainValues() throws Exception {
        Body body = json.readValue("""
                {"amountCents":500,"minutes":60,"dryRun":true,"title":"a\\tb\\nc 😀","reason":"SECOND","date":"2025-07-01",
                 "at":"2025-07-01T10:00:00Z","share":1,"flag":false}""", Body.class);
        assertEquals(new Body(500L, 60, true, "a\tb\nc 😀", Reason.SECOND, LocalDate.of(2025, 7, 1),
                Instant.parse("2025-07-01T10:00:00Z"), 1.0, false), body);
        assertEquals(new Body(null, null, null, null, null, null, null, null, false), json.readValue("{}", Body.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"reason\":1}", "{\"reason\":\"1\"}", "{\"reason\":\"\"}",
            "{\"amountCents\":\"500\"}", "{\"amountCents\":5.5}", "{\"amountCents\":true}", "{\"amountCents\":500} xyz",
            "{\"amountCents\":1,\"amountCents\":2}",
            "{\"dryRun\":0}", "{\"dryRun\":\"true\"}", "{\"dryRun\":\"\"}",
            "{\"title\":1}", "{\"title\":true}", "{\"title\":1.5}", "{\"title\":\"a\\u0000b\"}", "{\"title\":\"a\\u001bb\"}",
            "{\"title\":\"a\\u007fb\"}", "{\"title\":\"\\ud800\"}", "{\"title\":\"x\\udc00y\"}",
            "{\"date\":20250701}", "{\"date\":[2025,7,1]}", "{\"date\":\"\"}", "{\"date\":\"+999999999-12-31\"}", "{\"date\":\"1969-12-31\"}",
            "{\"date\":\"2200-01-01\"}", "{\"date\":\"2025-07-01T00:00:00Z\"}",
            "{\"at\":1751364000}", "{\"at\":\"+10000-01-01T00:00:00Z\"}", "{\"at\":\"\"}",
            "{\"share\":\"0.5\"}", "{\"minutes\":1e2}"})
    void refusesLaxValues(String body) {
        assertThrows(JsonProcessingException.class, () -> json.readValue(body, Body.class), body);
    }
}
