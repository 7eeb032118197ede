package vn.ocop.traceability.qr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.constraints.Min;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Printable A4 sheets of a lot's labels ({@code ?copies=} of the lot's label, or its units {@code ?from=&to=} by
 * ordinal), for the lot's seller, officers of the seller's province and admins; each sheet served is announced with
 * {@code LabelsPrinted} (see {@link Labels}).
 */
@Controller("/api/v1/lots")
class LabelController {

    static final String PDF = "application/pdf";

    private final Labels labels;
    private final LabelSheet sheet;

    LabelController(Labels labels, LabelSheet sheet) {
        this.labels = labels;
        this.sheet = sheet;
    }

    @Get("/{code}/labels.pdf")
    @Produces(PDF)
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    HttpResponse<byte[]> labels(@PathVariable String code, @QueryValue @Nullable @Min(1) Integer copies,
                                @QueryValue @Nullable @Min(1) Integer from, @QueryValue @Nullable @Min(1) Integer to,
                                Authentication authentication) {
        Labels.Sheet found = labels.of(code, Caller.of(authentication), new Labels.Request(copies, from, to));
        String name = "labels-" + found.lot().lot().code().replaceAll("[^A-Za-z0-9._-]", "_")
                + (from == null ? "" : "-" + from + "-" + to) + ".pdf";
        byte[] pdf = sheet.render(found.labels(), "Tem truy xuất lô " + found.lot().lot().code());
        labels.printed(found);
        return HttpResponse.ok(pdf).contentType(MediaType.of(PDF))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
