package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * A lot's EPCIS events for its seller, officers and admins: a page of them ({@code from}/{@code to} as ISO-8601
 * date-times with an offset, keyset {@code cursor}), the whole record as one EPCIS 2.0 document, and the verification
 * of its hash chain.
 */
@Controller("/api/v1/lots/{code}/epcis")
@Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
class LotEpcisController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final EpcisReads reads;

    LotEpcisController(EpcisReads reads) {
        this.reads = reads;
    }

    @Get(produces = {EpcisController.LD_JSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> export(@PathVariable String code, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                Authentication authentication, HttpRequest<?> request) {
        TimeRange range = TimeRange.of(from, to);
        KnownLot lot = reads.readable(code, Caller.of(authentication));
        return EpcisController.document(reads.export(lot, range), request);
    }

    @Get("/events")
    EventPage events(@PathVariable String code, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                     @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit, Authentication authentication) {
        TimeRange range = TimeRange.of(from, to);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        int after = after(cursor);
        KnownLot lot = reads.readable(code, Caller.of(authentication));
        List<ChainLink> page = reads.page(lot, range, after, size + 1);
        List<EventPage.Item> items = page.stream().limit(size).map(EventPage.Item::of).toList();
        String next = page.size() > size ? Integer.toString(items.getLast().position()) : null;
        return new EventPage(lot.code(), items, next);
    }

    @Get("/verify")
    HashChain.Verification verify(@PathVariable String code, Authentication authentication) {
        KnownLot lot = reads.readable(code, Caller.of(authentication));
        return reads.verify(lot.id(), lot.code());
    }

    private static int after(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            int position = Integer.parseInt(cursor);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this list returned");
    }
}
