package dev.jobsuccess.commons.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.jobsuccess.commons.problem.ProblemException;

/**
 * Where a keyset page ended: the last row's sort key and id, as an opaque URL-safe string bound to the listing's order.
 * The next page starts after it, so rows added meanwhile neither repeat nor shift a page, and a deep page costs what
 * the first does.
 */
public record KeysetCursor(Instant key, UUID id) {

    /** @param order the listing's order, so that a cursor of another order is refused rather than misread */
    public String encode(String order) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((order + "|" + key + "|" + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 naming {@code cursor} when the text is not a cursor of this order */
    public static KeysetCursor decode(String text, String order) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !parts[0].equals(order)) {
                throw new IllegalArgumentException("not a cursor of " + order);
            }
            return new KeysetCursor(Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a nextCursor of this listing (order " + order + ")");
        }
    }
}
