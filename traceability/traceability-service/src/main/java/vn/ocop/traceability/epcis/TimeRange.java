package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.ocop.platform.problem.ProblemException;

/**
 * Event times from {@code from} (inclusive) to {@code to} (exclusive); open ends are the earliest and latest times an
 * event can have here.
 */
record TimeRange(Instant from, Instant to) {

    static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * The range of two optional ISO-8601 date-times with an offset ({@code 2026-11-20T08:00:00+07:00}).
     *
     * @throws ProblemException 400 when one is not such a date-time, or the range is empty
     */
    static TimeRange of(@Nullable String from, @Nullable String to) {
        Instant start = from == null || from.isBlank() ? EARLIEST : parse("from", from);
        Instant end = to == null || to.isBlank() ? LATEST : parse("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("epcis_range_invalid", "The time range is empty: from ({0}) must be before to ({1})",
                    from, to);
        }
        return new TimeRange(start, end);
    }

    boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    private static Instant parse(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-20T08:00:00+07:00");
        }
    }
}
