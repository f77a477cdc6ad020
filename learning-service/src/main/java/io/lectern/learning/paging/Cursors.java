package io.lectern.learning.paging;

import io.lectern.learning.problem.LearningProblem;
import io.lectern.platform.crypto.BuiltInSecrets;
import io.lectern.platform.crypto.Sealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Opaque keyset cursors: a position (timestamp, id) signed with an HMAC, so a cursor that was altered or
 * truncated is refused as a problem rather than silently paging from somewhere else.
 */
@Component
public class Cursors {

    private static final int POSITION_BYTES = Long.BYTES + 2 * Long.BYTES;
    private static final int TAG_BYTES = 16;

    private final SecretKeySpec key;
    private final int maxPageSize;

    Cursors(PagingProperties props, Sealer sealer) {
        byte[] secret = props.cursorSecret().isBlank()
                ? sealer.derive("learning/paging-cursor")
                : BuiltInSecrets.require("LECTERN_LEARNING_CURSOR_SECRET", props.cursorSecret())
                        .getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.maxPageSize = props.maxPageSize();
    }

    public String encode(Instant at, UUID id) {
        ByteBuffer buf = ByteBuffer.allocate(POSITION_BYTES + TAG_BYTES);
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        buf.putLong(micros).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        buf.put(tag(Arrays.copyOf(buf.array(), POSITION_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    /** The position in a cursor this service issued; a problem (field {@code cursor}) for anything else. */
    public Position decode(String cursor) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw LearningProblem.badCursor();
        }
        if (raw.length != POSITION_BYTES + TAG_BYTES) {
            throw LearningProblem.badCursor();
        }
        byte[] position = Arrays.copyOf(raw, POSITION_BYTES);
        byte[] tag = Arrays.copyOfRange(raw, POSITION_BYTES, raw.length);
        if (!MessageDigest.isEqual(tag, tag(position))) {
            throw LearningProblem.badCursor();
        }
        ByteBuffer buf = ByteBuffer.wrap(position);
        long micros = buf.getLong();
        UUID id = new UUID(buf.getLong(), buf.getLong());
        return new Position(
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                id);
    }

    /** A page size from the request: 1..max-page-size, or a problem naming {@code limit}. */
    public int limit(int requested) {
        if (requested < 1 || requested > maxPageSize) {
            throw LearningProblem.invalidField("limit", "limit must be between 1 and " + maxPageSize + ".");
        }
        return requested;
    }

    private byte[] tag(byte[] position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(position), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Where a page ends: the last item's timestamp (microseconds, as PostgreSQL stores it) and id. */
    public record Position(Instant at, UUID id) {}
}
