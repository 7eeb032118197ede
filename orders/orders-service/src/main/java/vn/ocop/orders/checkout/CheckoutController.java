package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.UUID;
import vn.ocop.platform.idempotency.IdempotentRequests;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

@Controller("/api/v1/checkouts")
class CheckoutController {

    private final Checkouts checkouts;
    private final CheckoutQueries queries;
    private final HttpClientAddressResolver addresses;

    CheckoutController(Checkouts checkouts, CheckoutQueries queries, HttpClientAddressResolver addresses) {
        this.checkouts = checkouts;
        this.queries = queries;
        this.addresses = addresses;
    }

    /** Places a checkout; the same Idempotency-Key with the same body returns the first response. */
    @Post
    @Secured(Roles.BUYER)
    HttpResponse<?> place(@Header(IdempotentRequests.HEADER) @Nullable String idempotencyKey,
                          @Body @Valid CheckoutRequest request, Authentication authentication, HttpRequest<?> http) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.invalidField(IdempotentRequests.HEADER, "header is required");
        }
        var placement = checkouts.place(Caller.of(authentication).accountId(), idempotencyKey, request, addresses.resolve(http));
        var response = HttpResponse.status(placement.status()).body(placement.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (placement.checkoutId() != null) {
            response.header(HttpHeaders.LOCATION, "/api/v1/checkouts/" + placement.checkoutId());
        }
        return response;
    }

    /** The buyer cancels a checkout not yet paid: its stock goes back on sale and its payment link stops working. */
    @Post("/{id}/cancellation")
    @Secured(Roles.BUYER)
    CheckoutView cancel(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        checkouts.cancel(id, caller);
        return queries.forCaller(id, caller);
    }

    /** The checkout's state and, once payments has opened a session, what to do to pay. */
    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CheckoutView show(@PathVariable UUID id, Authentication authentication) {
        return queries.forCaller(id, Caller.of(authentication));
    }
}
