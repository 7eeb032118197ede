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
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.traceability.lot.LotLookup;
import vn.ocop.traceability.lot.LotProblems;
import vn.ocop.traceability.lot.PublicLinks;
import vn.ocop.traceability.lot.TracedLot;

/**
 * The QR code of a lot's public URI, or of one serialised unit's ({@code ?serial=}), for labels, as PNG or SVG:
 * public, so that label printers need no login (what it encodes is printed on the label anyway).
 */
@Controller("/api/v1/lots")
@Secured(SecurityRule.IS_ANONYMOUS)
class QrController {

    static final String CACHE = "public, max-age=86400";
    static final String SVG = "image/svg+xml";

    private final LotLookup lookup;
    private final PublicLinks links;
    private final LabelSerials serials;
    private final QrImages images;

    QrController(LotLookup lookup, PublicLinks links, LabelSerials serials, QrImages images) {
        this.lookup = lookup;
        this.links = links;
        this.serials = serials;
        this.images = images;
    }

    @Get("/{code}/qr.png")
    @Produces(MediaType.IMAGE_PNG)
    HttpResponse<byte[]> png(@PathVariable String code, @QueryValue @Nullable String serial,
                             @QueryValue(defaultValue = "512") @Min(128) @Max(1024) int size) {
        byte[] png = images.png(uri(code, serial), size);
        return HttpResponse.ok(png).contentType(MediaType.IMAGE_PNG_TYPE).header(HttpHeaders.CACHE_CONTROL, CACHE);
    }

    /** The same code as a vector image, {@code size} pixels wide by default. */
    @Get("/{code}/qr.svg")
    @Produces(SVG)
    HttpResponse<byte[]> svg(@PathVariable String code, @QueryValue @Nullable String serial,
                             @QueryValue(defaultValue = "512") @Min(128) @Max(1024) int size) {
        byte[] svg = images.svg(uri(code, serial), size);
        return HttpResponse.ok(svg).contentType(MediaType.of(SVG)).header(HttpHeaders.CACHE_CONTROL, CACHE);
    }

    /** The URI the code holds: the lot's, or its unit's when a serial of the lot is given. */
    private String uri(String code, @Nullable String serial) {
        TracedLot traced = lookup.byCode(code).orElseThrow(() -> LotProblems.notFound(code));
        if (serial == null) {
            return links.resolver(traced.lot(), traced.product());
        }
        if (serial.isBlank()) {
            throw ProblemException.invalidField("serial", "must not be blank");
        }
        serials.findBySerialAndLotId(serial, traced.lot().id()).orElseThrow(() -> LabelProblems.serialNotFound(code, serial));
        return links.resolver(traced.lot(), traced.product(), serial);
    }
}
