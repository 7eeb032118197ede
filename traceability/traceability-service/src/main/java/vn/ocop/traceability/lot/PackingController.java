package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.traceability.gs1.Gs1;

/** Sellers pack their lots into units and number units for labels; sellers, officers and admins read them. */
@Controller("/api/v1/lots/{code}")
class PackingController {

    private final Packings packings;

    PackingController(Packings packings) {
        this.packings = packings;
    }

    /**
     * How many serial numbers to generate.
     *
     * @param count 1 to 5,000, at most the packing's units not yet numbered
     */
    @Serdeable
    record GenerateSerials(@NotNull @Min(1) @Max(Packings.MAX_SERIALS_PER_REQUEST) Integer count) {
    }

    @Post("/packings")
    @Secured(Roles.SELLER)
    HttpResponse<PackingViews.PackingPart> pack(@PathVariable String code, @Body @Valid PackLot request,
                                                Authentication authentication) {
        PackingViews.PackingPart packing = packings.pack(code, Caller.of(authentication), request);
        return HttpResponse.created(packing, URI.create(base(code) + "/packings"));
    }

    @Get("/packings")
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    List<PackingViews.PackingPart> packings(@PathVariable String code, Authentication authentication) {
        return packings.ofLot(code, Caller.of(authentication));
    }

    @Post("/packings/{packingId}/serials")
    @Secured(Roles.SELLER)
    HttpResponse<PackingViews.Generated> number(@PathVariable String code, @PathVariable UUID packingId,
                                                @Body @Valid GenerateSerials request, Authentication authentication) {
        PackingViews.Generated generated = packings.number(code, packingId, Caller.of(authentication), request.count());
        return HttpResponse.created(generated, URI.create(base(code) + "/serials"));
    }

    @Get("/serials")
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    PackingViews.SerialPage serials(@PathVariable String code, @QueryValue @Nullable String cursor,
                                    @QueryValue(defaultValue = "100") @Min(1) @Max(Packings.MAX_LIMIT) int limit,
                                    Authentication authentication) {
        return packings.serialsOf(code, Caller.of(authentication), cursor, limit);
    }

    private static String base(String code) {
        return "/api/v1/lots/" + Gs1.encode(code);
    }
}
