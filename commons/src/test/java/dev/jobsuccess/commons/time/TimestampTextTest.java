package dev.jobsuccess.commons.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.jobsuccess.commons.json.StrictJson;

/** The direct reading of timestamp texts gives what java.time gives, and leaves every other form to it. */
class TimestampTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-01T12:30:00Z", "1970-01-01T00:00:00Z", "2199-12-31T23:59:59.999999999Z",
            "2024-02-29T00:00:00.5Z", "2025-07-01T12:30:00.123Z", "2025-07-01T12:30:00.123456Z", "2000-02-29T23:00:00Z"})
    void readsCanonicalInstantsAsJavaTimeDoes(String text) {
        assertEquals(Instant.parse(text), TimestampText.isoInstant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-01T12:30:00+02:00", "2025-07-01t12:30:00z", "2025-07-01T12:30Z", "2025-07-01T12:30:00.Z",
            "2025-07-01T12:30:00.1234567890Z", "2025-07-01 12:30:00Z", "2025-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
            "2025-13-01T00:00:00Z", "2025-04-31T00:00:00Z", "2025-07-01T24:00:00Z", "2025-07-01T23:60:00Z",
            "2025-07-01T23:59:60Z", "+2025-07-01T12:30:00Z", "-025-07-01T12:30:00Z", "2025-7-01T12:30:00Z", "", "x",
            "2025-07-01T12:30:0xZ", "20250-07-01T12:30:00Z", "2025-07-01T12:30:00.12a4Z"})
    void leavesEveryOtherFormToJavaTime(String text) {
        assertNull(TimestampText.isoInstant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29", "2025-00-10", "2025-06-31", "2025-6-30", "2025/06/30", "12025-06-30", "2025-06-3x", "-2025-06-3"})
    void leavesOtherDatesToJavaTime(String text) {
        assertNull(TimestampText.isoDate(text));
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsAndDates() {
        Random random = new Random(20261201);
        DateTimeFormatter[] fractions = {
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'"), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")};
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 7_258_118_400L), random.nextInt(1_000_000_000));
            String text = fractions[i % fractions.length].format(at.atOffset(java.time.ZoneOffset.UTC));
            assertEquals(Instant.parse(text), TimestampText.isoInstant(text), text);
            String date = text.substring(0, 10);
            assertEquals(LocalDate.parse(date), TimestampText.isoDate(date), date);
            // Any one character changed: read as java.time reads it, or left to it.
            char[] mutated = text.toCharArray();
            mutated[random.nextInt(mutated.length)] = "0123456789-:.TZ+ x".charAt(random.nextInt(18));
            String other = new String(mutated);
            Instant direct = TimestampText.isoInstant(other);
            if (direct != null) {
                assertEquals(javaTime(other), direct, other);
            }
        }
    }

    @Test
    void strictJsonReadsTheSameValuesEitherWay() throws Exception {
        ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule());
        ObjectMapper strict = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(strict);
        for (String text : new String[] {"2025-07-01T12:30:00Z", "2025-07-01T12:30:00.250Z", "2025-07-01T14:30:00+02:00"}) {
            assertEquals(plain.readValue('"' + text + '"', Instant.class), strict.readValue('"' + text + '"', Instant.class), text);
        }
        assertEquals(LocalDate.of(2025, 7, 1), strict.readValue("\"2025-07-01\"", LocalDate.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-01 12:30:00+00|2025-07-01T12:30:00Z", "2025-07-01 12:30:00.25+00|2025-07-01T12:30:00.250Z",
            "2025-07-01 12:30:00.123456-03|2025-07-01T15:30:00.123456Z", "2025-07-01 02:00:00+05:30|2025-06-30T20:30:00Z",
            "1970-01-01 00:00:00-00:00:30|1970-01-01T00:00:30Z", "2024-12-31 23:00:00-01|2025-01-01T00:00:00Z"})
    void readsPostgresTimestamptz(String pair) {
        String[] parts = pair.split("\\|");
        assertEquals(Instant.parse(parts[1]), TimestampText.postgres(parts[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-01T12:30:00+00", "2025-07-01 12:30:00", "2025-07-01 12:30:00+0", "2025-07-01 12:30:00+0530",
            "2025-07-01 12:30:00+05:3", "2025-07-01 12:30:00 BC+00", "infinity", "20250-07-01 12:30:00+00", "2025-07-01 12:30:00.+00",
            "2025-02-30 12:30:00+00", "NULL", ""})
    void leavesOtherPostgresFormsToTheDriver(String text) {
        assertNull(TimestampText.postgres(text));
    }

    @Test
    void readsPostgresArrays() {
        assertEquals(List.of(), TimestampText.postgresArray("{}"));
        assertEquals(List.of(Instant.parse("2025-07-01T12:30:00Z"), Instant.parse("2025-07-02T07:00:00.5Z")),
                TimestampText.postgresArray("{\"2025-07-01 12:30:00+00\",\"2025-07-02 09:00:00.5+02\"}"));
        assertEquals(List.of(Instant.parse("2025-07-01T12:30:00Z")), TimestampText.postgresArray("{2025-07-01 12:30:00+00}"));
        for (String other : new String[] {"{NULL}", "{\"2025-07-01 12:30:00+00\",NULL}", "{\"2025-07-01 12:30:00+00\"",
                "\"2025-07-01 12:30:00+00\"", "{\"2025-07-01 12:30:00+00\";\"2025-07-01 12:30:00+00\"}", "{\"2025-07-01 12:30:00+00}",
                "{\"infinity\"}", null}) {
            assertNull(TimestampText.postgresArray(other), other);
        }
    }

    @Test
    void agreesWithJavaTimeOnRandomPostgresTexts() {
        Random random = new Random(1201);
        DateTimeFormatter[] forms = {DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssx"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx"), DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSxxxxx")};
        List<Instant> all = new ArrayList<>();
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < 5_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 7_258_118_400L), random.nextInt(1_000) * 1_000_000);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-12, 15) * 3_600 + (i % 3 == 1 ? 1_800 : 0));
            DateTimeFormatter form = forms[i % forms.length];
            if (i % 3 == 0 && offset.getTotalSeconds() % 3_600 != 0) {
                form = forms[1];
            }
            String text = form.format(at.atOffset(offset));
            assertEquals(java.time.OffsetDateTime.parse(text, form).toInstant(), TimestampText.postgres(text), text);
            all.add(TimestampText.postgres(text));
            array.append(i == 0 ? "" : ",").append('"').append(text).append('"');
        }
        assertEquals(all, TimestampText.postgresArray(array.append('}').toString()));
    }

    private static Instant javaTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
