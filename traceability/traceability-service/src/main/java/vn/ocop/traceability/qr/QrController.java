package vn.ocop.traceability.qr;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.ocop.traceability.lot.LotLookup;
import vn.ocop.traceability.lot.LotProblems;
import vn.ocop.traceability.lot.PublicLinks;
import vn.ocop.traceability.lot.TracedLot;

/** The QR code of a lot's public URI, for labels: public, so that label printers need no login. */
@Controller("/api/v1/lots")
@Secured(SecurityRule.IS_ANONYMOUS)
class QrController {

    static final String CACHE = "public, max-age=86400";

    private final LotLookup lookup;
    private final PublicLinks links;
    private final QrImages images;

    QrController(LotLookup lookup, PublicLinks links, QrImages images) {
        this.lookup = lookup;
        this.links = links;
        this.images = images;
    }

    @Get("/{code}/qr.png")
    @Produces(MediaType.IMAGE_PNG)
    HttpResponse<byte[]> qr(@PathVariable String code, @QueryValue(defaultValue = "512") @Min(128) @Max(1024) int size) {
        TracedLot traced = lookup.byCode(code).orElseThrow(() -> LotProblems.notFound(code));
        byte[] png = images.png(links.resolver(traced.lot(), traced.product()), size);
        return HttpResponse.ok(png).contentType(MediaType.IMAGE_PNG_TYPE).header(HttpHeaders.CACHE_CONTROL, CACHE);
    }
}
