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
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** Sellers transform their lots into new lots (milling); sellers, officers and admins read transformations. */
@Controller("/api/v1/transformations")
class TransformationController {

    private final Transformations transformations;

    TransformationController(Transformations transformations) {
        this.transformations = transformations;
    }

    @Post
    @Secured(Roles.SELLER)
    HttpResponse<TransformationView> transform(@Body @Valid TransformLots request, Authentication authentication) {
        TransformationView view = transformations.transform(Caller.of(authentication).accountId(), request);
        return HttpResponse.created(view, URI.create("/api/v1/transformations/" + view.id()));
    }

    @Get("/{id}")
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    TransformationView show(@PathVariable UUID id, Authentication authentication) {
        return transformations.one(id, Caller.of(authentication));
    }
}
