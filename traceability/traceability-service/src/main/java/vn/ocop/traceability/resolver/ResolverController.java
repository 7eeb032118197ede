package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.traceability.gs1.Gs1;
import vn.ocop.traceability.lot.LotProblems;
import vn.ocop.traceability.scan.Scan;
import vn.ocop.traceability.scan.ScanLog;

/**
 * The public resolver that a scanned label opens, no login: GS1 Digital Link URIs
 * ({@code /01/{gtin}/10/{lot}[/21/{serial}]}) for products with a GTIN, the short {@code /t/{code}[/{serial}]} for the
 * others. One address, three answers (see {@link Negotiation}): a page for phones' browsers, JSON for programs, a GS1
 * link set for GS1 clients; {@code ?linkType=gs1:...} redirects (307) to the link of that type when the code has one.
 * The lot comes from {@link LotViews}, so a scan reads nothing from the database, and every resolution, found or
 * not, is queued for the {@link ScanLog} (written in the background), with the coarse location the phone shared
 * ({@link ScanLocation}) and the user agent; never the IP address.
 *
 * <p>A path that names nothing (malformed: bad GTIN check digit, characters outside GS1's set, qualifiers out of
 * order or unknown; or well-formed but never issued: unknown lot, unknown serial, a GTIN that is not the lot's
 * product's) is a 404: a page saying what may be wrong for browsers, {@code application/problem+json} for the others.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ResolverController {

    private static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE;
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final LotViews views;
    private final ResolverLinks links;
    private final ResolverPages pages;
    private final JsonMapper json;
    private final ScanLog scans;
    private final Clock clock;

    ResolverController(LotViews views, ResolverLinks links, ResolverPages pages, JsonMapper json, ScanLog scans, Clock clock) {
        this.views = views;
        this.links = links;
        this.pages = pages;
        this.json = json;
        this.scans = scans;
        this.clock = clock;
    }

    @Get(uri = "/01/{+path}", produces = MediaType.ALL)
    HttpResponse<?> digitalLink(@PathVariable String path, HttpRequest<?> request) {
        return resolve(request);
    }

    @Get(uri = "/t/{+path}", produces = MediaType.ALL)
    HttpResponse<?> shortLink(@PathVariable String path, HttpRequest<?> request) {
        return resolve(request);
    }

    private HttpResponse<?> resolve(HttpRequest<?> request) {
        String raw = request.getUri().getRawPath();
        Negotiation answer = Negotiation.of(request);
        DigitalLinkPath.Parsed parsed = DigitalLinkPath.parse(raw);
        if (!parsed.ok()) {
            DigitalLinkPath.Malformed malformed = parsed.malformed();
            log(request, answer, raw, Scan.Outcome.MALFORMED, null, null);
            return notFound(request, answer, raw, malformed.reason(), malformed.problem().equals(DigitalLinkPath.Malformed.GTIN_INVALID)
                    ? ProblemException.notFound("gtin_invalid", "{0} is not a GTIN with a valid check digit", gtinSegment(raw))
                    : ProblemException.notFound("digital_link_malformed", "{0} is not a code this resolver issues ({1})",
                    raw, malformed.reason()));
        }
        ScanTarget target = parsed.target();
        Optional<LotView> found = views.find(target.lotCode());
        if (found.isEmpty()) {
            log(request, answer, target.canonicalPath(), Scan.Outcome.UNKNOWN_LOT, null, target.serial());
            return notFound(request, answer, raw, "lot_not_found", LotProblems.notFound(target.lotCode()));
        }
        LotView view = found.get();
        if (target.form() == ScanTarget.Form.GS1 && (target.cpv() != null || !isProductGtin(view, target.gtin14()))) {
            log(request, answer, target.canonicalPath(), Scan.Outcome.GTIN_MISMATCH, view, target.serial());
            return notFound(request, answer, raw, "gtin_mismatch", LotProblems.notFound(target.lotCode()));
        }
        if (target.serial() != null && !views.hasSerial(view, target.serial())) {
            log(request, answer, target.canonicalPath(), Scan.Outcome.UNKNOWN_SERIAL, view, target.serial());
            return notFound(request, answer, raw, "serial_not_found", ProblemException.notFound("serial_not_found",
                    "Lot {0} has no unit with serial {1}", target.lotCode(), target.serial()));
        }
        log(request, answer, target.codeKey(), Scan.Outcome.RESOLVED, view, target.serial());
        return found(request, answer, view, target.serial());
    }

    /** Queues the scan for the scan log (no database write here). */
    private void log(HttpRequest<?> request, Negotiation answer, String codeKey, Scan.Outcome outcome, @Nullable LotView view,
                     @Nullable String serial) {
        ScanLocation location = ScanLocation.of(request);
        scans.record(new Scan(clock.instant(), codeKey, outcome, view == null ? null : view.lotId(),
                view == null ? null : view.lotCode(), serial, view == null ? null : view.scope().sellerId(),
                view == null ? null : view.scope().provinceCode(), answer.name().toLowerCase(Locale.ROOT),
                location == null ? null : location.latitude(), location == null ? null : location.longitude(),
                request.getHeaders().get(HttpHeaders.USER_AGENT)));
    }

    private HttpResponse<?> found(HttpRequest<?> request, Negotiation answer, LotView view, @Nullable String serial) {
        LocalDate today = VietnamTime.today(clock);
        String self = links.self(view, serial);
        Optional<String> linkType = request.getParameters().getFirst("linkType");
        if (answer != Negotiation.LINKSET && linkType.isPresent()) {
            Optional<String> target = Linksets.href(Linksets.of(view, serial, links), linkType.get());
            if (target.isPresent()) {
                return HttpResponse.temporaryRedirect(URI.create(target.get())).header(HttpHeaders.VARY, VARY);
            }
        }
        MutableHttpResponse<?> response = switch (answer) {
            case JSON -> HttpResponse.ok(ResolvedLot.of(view, serial, today, links)).contentType(MediaType.APPLICATION_JSON_TYPE);
            case HTML -> HttpResponse.ok(pages.lot(view, serial, today, Negotiation.locale(request), links)).contentType(HTML);
            case LINKSET -> HttpResponse.ok(write(Linksets.of(view, serial, links))).contentType(Linksets.MEDIA_TYPE);
        };
        return response.header(HttpHeaders.VARY, VARY)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.LINK, "<" + links.linkset(self) + ">; rel=\"linkset\"; type=\"" + Linksets.MEDIA_TYPE + "\"");
    }

    /** A 404: the page for browsers, else the problem (as problem+json, through the platform's handler). */
    private HttpResponse<?> notFound(HttpRequest<?> request, Negotiation answer, String raw, String reason,
                                     ProblemException problem) {
        if (answer != Negotiation.HTML) {
            throw problem;
        }
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .body(pages.notFound(reason, raw, Negotiation.locale(request)))
                .contentType(HTML)
                .header(HttpHeaders.VARY, VARY)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static boolean isProductGtin(LotView view, String gtin14) {
        String gtin = view.product().gtin();
        return gtin != null && Gs1.gtin14(gtin).filter(gtin14::equals).isPresent();
    }

    /** The GTIN segment of a Digital Link path, as scanned. */
    private static String gtinSegment(String raw) {
        String rest = raw.substring("/01/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private String write(Map<String, Object> linkset) {
        try {
            return json.writeValueAsString(linkset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
