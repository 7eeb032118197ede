package vn.ocop.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * The counterfeit signals raised by the scan log, newest first (keyset {@code cursor}, {@code limit} 1 to
 * {@value #MAX_LIMIT}, optionally of one {@code kind}): admins see all of them, including codes never issued that
 * name no lot; officers those of lots of their province; sellers those of their own lots.
 */
@Controller("/api/v1/signals")
@Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
class SignalController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Set<String> KINDS = Set.of(ScanWriter.OVERSCANNED, ScanWriter.FAR_APART, ScanWriter.NEVER_ISSUED);

    private final SignalRepository signals;

    SignalController(SignalRepository signals) {
        this.signals = signals;
    }

    /**
     * A page of signals.
     *
     * @param items the signals
     * @param next  the cursor of the next page, when there may be one
     */
    @Serdeable
    record SignalPage(List<SignalView> items, @Nullable String next) {
    }

    /**
     * A signal.
     *
     * @param code        what was scanned: a lot code, a lot code and serial ({@code LOT|SERIAL}), or for a code never
     *                    issued the path scanned
     * @param scans       see {@link Signal#scanCount()}
     * @param places      FAR_APART: the two farthest places, earlier first
     */
    @Serdeable
    record SignalView(UUID id, String kind, String code, @Nullable String lotCode, @Nullable String serial,
                      @Nullable String provinceCode, long scans, Instant firstSeenAt, Instant lastSeenAt,
                      @Nullable BigDecimal distanceKm, @Nullable List<PlaceView> places, Instant updatedAt) {

        static SignalView of(Signal s) {
            List<PlaceView> places = s.distanceKm() == null ? null : List.of(
                    new PlaceView(s.placeALat(), s.placeALon(), s.placeAAt()), new PlaceView(s.placeBLat(), s.placeBLon(), s.placeBAt()));
            return new SignalView(s.id(), s.kind(), s.codeKey(), s.lotCode(), s.serial(), s.provinceCode(), s.scanCount(),
                    s.firstSeenAt(), s.lastSeenAt(), s.distanceKm(), places, s.updatedAt());
        }
    }

    /** A place a code was scanned at (0.01 degree), and when. */
    @Serdeable
    record PlaceView(BigDecimal latitude, BigDecimal longitude, Instant at) {
    }

    @Get
    @Transactional(readOnly = true)
    SignalPage list(@Nullable @QueryValue String kind, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit,
                    Authentication authentication) {
        if (kind != null && !KINDS.contains(kind)) {
            throw ProblemException.invalidField("kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String before = cursor == null || cursor.isBlank() ? null : cursor(cursor);
        Caller caller = Caller.of(authentication);
        String province = null;
        String seller = null;
        if (!caller.has(Roles.ADMIN)) {
            if (caller.has(Roles.OFFICER)) {
                province = caller.officerProvince().orElseThrow(() -> ProblemException.forbidden("officer_without_province",
                        "Officers see the signals of their province, and this token names none"));
            } else {
                seller = caller.accountId().toString();
            }
        }
        List<Signal> found = signals.page(kind, province, seller, before, size + 1);
        List<SignalView> items = found.stream().limit(size).map(SignalView::of).toList();
        return new SignalPage(items, found.size() > size ? items.getLast().id().toString() : null);
    }

    private static String cursor(String cursor) {
        try {
            return UUID.fromString(cursor).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this list returned");
        }
    }
}
