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
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.ocop.platform.idempotency.IdempotentRequests;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

@Controller("/api/v1/checkouts")
class CheckoutController {

    private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,4})");
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Checkouts checkouts;
    private final CheckoutQueries queries;
    private final HttpClientAddressResolver addresses;
    private final CheckoutWatch watch;

    CheckoutController(Checkouts checkouts, CheckoutQueries queries, HttpClientAddressResolver addresses,
                       CheckoutWatch watch) {
        this.checkouts = checkouts;
        this.queries = queries;
        this.addresses = addresses;
        this.watch = watch;
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
            response.header(HttpHeaders.LOCATION, "/api/v1/checkouts/" + placement.checkoutId())
                    .header(HttpHeaders.ETAG, tag(placement.revision()));
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

    /**
     * The checkout's state and, once payments has opened a session, what to do to pay. Tagged with its revision
     * ({@code ETag}): a read with {@code If-None-Match} of the current tag and {@code Prefer: wait=N} (RFC 7240, at
     * most 30 s) waits until the checkout or one of its orders changes, and answers 304 if nothing changed meanwhile;
     * so a buyer's app learns of the payment link and the payment in one request each instead of polling.
     */
    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CheckoutView> show(@PathVariable UUID id, @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch,
                                    @Header("Prefer") @Nullable String prefer, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (ifNoneMatch != null) {
            // the buyer's app already holds a revision: compare before reading the whole checkout
            long revision = queries.revisionForCaller(id, caller);
            if (tag(revision).equals(ifNoneMatch)) {
                Duration wait = requestedWait(prefer);
                if (wait.isZero() || !watch.awaitChange(id, revision, wait, () -> queries.revision(id))) {
                    return HttpResponse.<CheckoutView>notModified().header(HttpHeaders.ETAG, ifNoneMatch);
                }
            }
        }
        var current = queries.revisedForCaller(id, caller);
        return HttpResponse.ok(current.view()).header(HttpHeaders.ETAG, tag(current.revision()));
    }

    private static String tag(long revision) {
        return "\"" + revision + "\"";
    }

    /** {@code Prefer: wait=N}, in seconds, capped. */
    private static Duration requestedWait(@Nullable String prefer) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher wait = PREFER_WAIT.matcher(prefer);
        return wait.find() ? Duration.ofSeconds(Math.min(Long.parseLong(wait.group(1)), MAX_WAIT.toSeconds())) : Duration.ZERO;
    }
}
