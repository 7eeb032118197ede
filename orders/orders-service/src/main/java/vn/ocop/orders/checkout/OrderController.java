package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** Seller orders: lists for buyers, sellers and officers; cancel, ship, confirm delivery. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class OrderController {

    private final OrderQueries queries;
    private final OrderActions actions;

    OrderController(OrderQueries queries, OrderActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    /** Why an order is cancelled, in the canceller's words. */
    @Serdeable
    record CancelRequest(@NotBlank @Size(max = 300) String reason) {
    }

    @Get("/orders/{id}")
    OrderView show(@PathVariable UUID id, Authentication authentication) {
        return queries.one(id, Caller.of(authentication));
    }

    @Get("/buyers/me/orders")
    @Secured(Roles.BUYER)
    OrderPage mine(@QueryValue @Nullable OrderStatus status, @QueryValue @Nullable String cursor,
                   @QueryValue(defaultValue = "20") @Min(1) @Max(OrderQueries.MAX_LIMIT) int limit,
                   Authentication authentication) {
        return queries.ofBuyer(Caller.of(authentication), status, cursor, limit);
    }

    @Get("/sellers/{sellerId}/orders")
    @Secured({Roles.SELLER, Roles.HELPER, Roles.ADMIN})
    OrderPage ofSeller(@PathVariable UUID sellerId, @QueryValue @Nullable OrderStatus status,
                       @QueryValue @Nullable String cursor,
                       @QueryValue(defaultValue = "20") @Min(1) @Max(OrderQueries.MAX_LIMIT) int limit,
                       Authentication authentication) {
        return queries.ofSeller(Caller.of(authentication), sellerId, status, cursor, limit);
    }

    @Get("/orders")
    @Secured({Roles.OFFICER, Roles.ADMIN})
    OrderPage ofProvince(@QueryValue @Nullable @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code")
                         String province, @QueryValue @Nullable OrderStatus status, @QueryValue @Nullable String cursor,
                         @QueryValue(defaultValue = "20") @Min(1) @Max(OrderQueries.MAX_LIMIT) int limit,
                         Authentication authentication) {
        return queries.ofProvince(Caller.of(authentication), province, status, cursor, limit);
    }

    @Post("/orders/{id}/cancellation")
    OrderView cancel(@PathVariable UUID id, @Body @Valid CancelRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        actions.cancel(id, caller, request.reason().strip());
        return queries.one(id, caller);
    }

    @Post("/orders/{id}/shipment")
    OrderView ship(@PathVariable UUID id, @Body @Valid ShipmentRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        actions.ship(id, caller, request);
        return queries.one(id, caller);
    }

    @Post("/orders/{id}/delivery")
    OrderView deliver(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        actions.deliver(id, caller);
        return queries.one(id, caller);
    }
}
