package vn.ocop.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One resolution of a code, as the scan log keeps it.
 *
 * @param at             when
 * @param codeKey        what was scanned: for a code we issued, its lot code (and serial, {@code LOT|SERIAL}); for one
 *                       we never issued, the path in canonical form (or, malformed, as scanned, clipped)
 * @param outcome        what the resolver found
 * @param lotId          the lot, when the code names one of ours (also for a serial or GTIN we never issued for it)
 * @param lotCode        its code
 * @param serial         the serial scanned, if any
 * @param sellerId       the lot's seller
 * @param provinceCode   the lot's province (see {@code LotScope})
 * @param representation how it was answered: html, json or linkset
 * @param latitude       where the phone said it was, rounded to 0.01 degree, if it shared it
 * @param longitude      idem
 * @param userAgent      the client's User-Agent, clipped to {@value #MAX_USER_AGENT} characters
 */
public record Scan(Instant at, String codeKey, Outcome outcome, @Nullable UUID lotId, @Nullable String lotCode,
                   @Nullable String serial, @Nullable UUID sellerId, @Nullable String provinceCode, String representation,
                   @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable String userAgent) {

    public static final int MAX_USER_AGENT = 200;
    public static final int MAX_CODE_KEY = 255;

    public Scan {
        codeKey = codeKey.length() > MAX_CODE_KEY ? codeKey.substring(0, MAX_CODE_KEY) : codeKey;
        userAgent = userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
    }

    /** What a resolution found. Every outcome but {@code RESOLVED} is a code we never issued. */
    public enum Outcome {
        /** One of our lots, or a unit of it. */
        RESOLVED,
        /** A well-formed code naming no lot of ours. */
        UNKNOWN_LOT,
        /** One of our lots with a serial never issued for it. */
        UNKNOWN_SERIAL,
        /** One of our lots under a GTIN (or variant) that is not its product's. */
        GTIN_MISMATCH,
        /** Not a code at all: bad check digit, characters, qualifier order... */
        MALFORMED;

        public boolean neverIssued() {
            return this != RESOLVED;
        }
    }

    boolean located() {
        return latitude != null && longitude != null;
    }
}
