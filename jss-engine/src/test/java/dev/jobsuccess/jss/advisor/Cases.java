package dev.jobsuccess.jss.advisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.JssRequest;

/** Requests for the advisor's tests: the spec's example files, and small contracts built here. */
final class Cases {

    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private record ExampleFile(JssRequest request) {}

    private Cases() {
    }

    /** The request of an example file on the test classpath ("examples/ex06a-....json"). */
    static JssRequest example(String path) {
        try (InputStream in = Cases.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return MAPPER.readValue(in, ExampleFile.class).request();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** An ENDED contract with its own client, 20 days long, paid once on its end, rated privately. */
    static ContractRecord ended(String id, String endedAt, long netCents, Integer recommend) {
        LocalDate end = date(endedAt);
        return new ContractRecord(id, "c-" + id, ContractStatus.ENDED, end.minusDays(20), end, netCents,
                netCents > 0 ? List.of(end) : List.of(), recommend, null, null, null, null, null);
    }

    static JssRequest request(String asOf, ContractRecord... contracts) {
        return new JssRequest(date(asOf), null, List.of(contracts));
    }
}
