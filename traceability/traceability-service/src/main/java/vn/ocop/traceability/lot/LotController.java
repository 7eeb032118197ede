package vn.ocop.traceability.lot;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import java.net.URI;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** Sellers register their lots; sellers, officers and admins read them. */
@Controller("/api/v1/lots")
class LotController {

    private final LotRegistrations registrations;
    private final LotLookup lookup;
    private final PublicLinks links;

    LotController(LotRegistrations registrations, LotLookup lookup, PublicLinks links) {
        this.registrations = registrations;
        this.lookup = lookup;
        this.links = links;
    }

    @Post
    @Secured(Roles.SELLER)
    HttpResponse<LotResponse> register(@Body @Valid RegisterLot request, Authentication authentication) {
        TracedLot lot = registrations.register(Caller.of(authentication).accountId(), request);
        return HttpResponse.created(LotResponse.of(lot, links), URI.create(PublicLinks.path(lot.lot())));
    }

    @Get("/{code}")
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    LotResponse show(@PathVariable String code, Authentication authentication) {
        TracedLot traced = lookup.byCode(code).orElseThrow(() -> LotProblems.notFound(code));
        Caller caller = Caller.of(authentication);
        if (!caller.has(Roles.OFFICER) && !caller.has(Roles.ADMIN) && !traced.lot().isOwnedBy(caller.accountId())) {
            throw LotProblems.notYours(code);
        }
        return LotResponse.of(traced, links);
    }
}
