package io.lectern.notify.newsletter;

import io.lectern.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of issues ends: the last issue's creation time (microseconds, as PostgreSQL keeps it)
 * and id, opaque to clients. Not signed: the list is for staff only and a forged cursor can do no more
 * than start the list somewhere else.
 */
record IssueCursor(Instant at, UUID id) {

    /** What PostgreSQL's timestamptz holds comfortably; a position outside is no cursor of ours. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        String raw = micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a cursor this service issued; a 400 problem naming {@code cursor} for anything else. */
    static IssueCursor decode(String value) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 2);
            long micros = Long.parseLong(parts[0]);
            UUID id = UUID.fromString(parts[1]);
            if (!parts[1].equals(id.toString())) {
                throw new IllegalArgumentException("not a canonical UUID");
            }
            Instant at = Instant.ofEpochSecond(
                    Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException("out of range");
            }
            return new IssueCursor(at, id);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
            throw ProblemException.badRequest("The cursor is not one this API returned.")
                    .with("field", "cursor");
        }
    }
}
