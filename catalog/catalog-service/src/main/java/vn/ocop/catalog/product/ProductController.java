package vn.ocop.catalog.product;

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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

@Controller("/api/v1/products")
class ProductController {

    private final Products products;
    private final ProductListing listing;

    ProductController(Products products, ProductListing listing) {
        this.products = products;
        this.listing = listing;
    }

    @Serdeable
    record ProductPage(List<ProductView> items, @Nullable UUID nextCursor) {
    }

    @Post
    @Secured(Roles.SELLER)
    HttpResponse<ProductView> create(@Body @Valid NewProduct request, Authentication authentication) {
        ProductView created = products.create(Caller.of(authentication), request);
        return HttpResponse.created(created, URI.create("/api/v1/products/" + created.id()));
    }

    @Post("/{id}/publish")
    @Secured({Roles.SELLER, Roles.ADMIN})
    ProductView publish(@PathVariable UUID id, Authentication authentication) {
        return products.publish(Caller.of(authentication), id);
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ProductView show(@PathVariable UUID id, @Nullable Authentication authentication) {
        return products.view(id, authentication == null ? null : Caller.of(authentication));
    }

    /** Published products, newest first; {@code q} matches the name without accents or case ("gao st25"). */
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    ProductPage list(@QueryValue @Nullable @Size(max = 100) String q,
                     @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
                     @QueryValue @Nullable UUID cursor) {
        List<ProductView> items = listing.page(q, limit, cursor);
        return new ProductPage(items, items.size() == limit ? items.getLast().id() : null);
    }
}
