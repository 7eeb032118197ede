package vn.ocop.traceability.recall;

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
import vn.ocop.traceability.gs1.Gs1;
import vn.ocop.traceability.resolver.LotViews;

/**
 * Recalls: the lot's seller, an officer of its province or an admin recalls a lot with a reason
 * ({@code POST /api/v1/lots/{code}/recall}, 201; the lots made from it are recalled with it; a second recall is a 409
 * {@code lot_already_recalled}, changing nothing) and reads the recall with the orders to contact
 * ({@code GET}, 404 {@code lot_not_recalled} when the lot was not recalled). The public pages of the recalled lots show
 * the recall at once on this instance (their cached views are dropped), within the resolver's refresh interval on
 * the others.
 */
@Controller("/api/v1/lots/{code}/recall")
@Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
class RecallController {

    private final Recalling recalling;
    private final LotViews views;

    RecallController(Recalling recalling, LotViews views) {
        this.recalling = recalling;
        this.views = views;
    }

    @Post
    HttpResponse<RecallView> recall(@PathVariable String code, @Body @Valid RecallRequest request, Authentication authentication) {
        Recalling.Result result = recalling.recall(code, request.reason().strip(), Caller.of(authentication));
        result.recalledCodes().forEach(views::invalidate);
        return HttpResponse.created(result.view(), URI.create("/api/v1/lots/" + Gs1.encode(code) + "/recall"));
    }

    @Get
    RecallView show(@PathVariable String code, Authentication authentication) {
        return recalling.show(code, Caller.of(authentication));
    }
}
