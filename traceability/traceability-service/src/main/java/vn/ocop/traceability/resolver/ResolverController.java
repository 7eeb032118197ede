package vn.ocop.traceability.resolver;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Optional;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.traceability.gs1.Gs1;
import vn.ocop.traceability.lot.LotLookup;
import vn.ocop.traceability.lot.LotProblems;
import vn.ocop.traceability.lot.PublicLinks;
import vn.ocop.traceability.lot.TracedLot;

/**
 * The public resolver that a scanned label opens, no login: GS1 Digital Link URIs ({@code /01/{gtin}/10/{lot}})
 * for products with a GTIN, the short {@code /t/{code}} for the others. Answers JSON for now.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ResolverController {

    private final LotLookup lookup;
    private final PublicLinks links;

    ResolverController(LotLookup lookup, PublicLinks links) {
        this.lookup = lookup;
        this.links = links;
    }

    /** A GS1 Digital Link: the GTIN (8, 12, 13 or 14 digits, valid check digit) must be the lot's product's. */
    @Get("/01/{gtin}/10/{lot}")
    ResolvedLot digitalLink(@PathVariable String gtin, @PathVariable String lot) {
        String gtin14 = Gs1.gtin14(gtin).orElseThrow(() ->
                ProblemException.notFound("gtin_invalid", "{0} is not a GTIN with a valid check digit", gtin));
        TracedLot traced = lookup.byCode(lot)
                .filter(found -> Optional.ofNullable(found.product().gtin()).flatMap(Gs1::gtin14).filter(gtin14::equals).isPresent())
                .orElseThrow(() -> LotProblems.notFound(lot));
        return ResolvedLot.of(traced, links);
    }

    @Get("/t/{code}")
    ResolvedLot shortLink(@PathVariable String code) {
        return ResolvedLot.of(lookup.byCode(code).orElseThrow(() -> LotProblems.notFound(code)), links);
    }
}
