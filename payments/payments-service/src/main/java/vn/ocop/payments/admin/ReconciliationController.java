package vn.ocop.payments.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Roles;

/**
 * The reconciliation view (issue 5, point 9), for administrators only: it shows every province's payments, and
 * officers' authority is over one province (payments keeps no province per checkout to narrow it by). As JSON, and as a
 * CSV file at its {@code .csv} sibling with the same parameters.
 */
@Controller("/api/v1/admin/payments")
@Secured(Roles.ADMIN)
class ReconciliationController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ReconciliationQueries queries;

    ReconciliationController(ReconciliationQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Sessions by state and method, what was collected by method (cash on delivery as non-cashless), "
            + "refunds by state and pending, and the mismatches: IPNs answered 04 or 02, late payments, querydr amount "
            + "mismatches, unmatched bank transfers; in [from, to) when given")
    @Get(uri = "/reconciliation", produces = MediaType.APPLICATION_JSON)
    Reconciliation view(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                        @QueryValue @Nullable String method, @QueryValue @Nullable Integer limit) {
        return read(from, to, method, limit);
    }

    @Operation(summary = "The reconciliation view as a CSV file for a spreadsheet (UTF-8, RFC 4180): one row per figure, "
            + "named by its section; the same parameters")
    @Get(uri = "/reconciliation.csv", produces = "text/csv")
    HttpResponse<byte[]> csv(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                             @QueryValue @Nullable String method, @QueryValue @Nullable Integer limit) {
        Reconciliation view = read(from, to, method, limit);
        return HttpResponse.ok(ReconciliationCsv.write(view).getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv", Map.of("charset", "utf-8")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReconciliationCsv.fileName(view) + "\"");
    }

    private Reconciliation read(@Nullable String from, @Nullable String to, @Nullable String method, @Nullable Integer limit) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        int rows = limit == null ? DEFAULT_LIMIT : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "between 1 and " + MAX_LIMIT);
        }
        return queries.read(start, end, method(method), rows);
    }

    private static Instant instant(String name, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "an ISO-8601 date and time with its offset, e.g. 2026-11-01T00:00:00+07:00");
        }
    }

    private static PaymentMethod method(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(PaymentMethod.values()).filter(m -> m.name().equals(text)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("method", "one of " + Arrays.toString(PaymentMethod.values())));
    }
}
