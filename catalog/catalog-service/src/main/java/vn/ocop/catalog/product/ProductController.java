package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.ReadCache;
import vn.ocop.catalog.inventory.StockAdjustments;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** Products and their units: what sellers (and helpers for them) list, and what officials suspend or certify. */
@Controller("/api/v1/products")
class ProductController {

    private final Products products;
    private final ProductCertificates claims;
    private final ReadCache cache;

    ProductController(Products products, ProductCertificates claims, ReadCache cache) {
        this.products = products;
        this.claims = claims;
        this.cache = cache;
    }

    /** The cache key of a product page as anonymous buyers see it. */
    private record PublicView(UUID productId) {
    }

    @Serdeable
    record Suspension(@NotBlank @Size(max = 500) String reason) {
    }

    @Serdeable
    record Price(@NotNull @Positive @Max(10_000_000_000L) Long priceVnd) {
    }

    /**
     * @param delta  units added, or removed when negative
     * @param reason why
     */
    @Serdeable
    record Adjustment(@NotNull @Min(-10_000_000) @Max(10_000_000) Integer delta, @NotNull StockAdjustments.Reason reason) {
    }

    @Serdeable
    record CertificateClaimRequest(@NotBlank @Size(max = 64) String certificateNumber) {
    }

    /** What an officer decides on a claim. */
    enum ClaimDecision { APPROVE, REJECT }

    @Serdeable
    record ClaimDecisionRequest(@NotNull ClaimDecision decision, @Nullable @Size(max = 500) String note) {
    }

    @Serdeable
    record PendingClaim(UUID productId, String productName, UUID sellerId, UUID certificateId) {
    }

    @Post
    @Secured({Roles.SELLER, Roles.HELPER})
    HttpResponse<ProductView> create(@Body @Valid NewProduct request, Authentication authentication) {
        ProductView created = products.create(Caller.of(authentication), request);
        return HttpResponse.created(created, URI.create("/api/v1/products/" + created.id()));
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ProductView show(@PathVariable UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return cache.get(new PublicView(id), key -> products.view(key.productId(), null));
        }
        return products.view(id, Caller.of(authentication));
    }

    @Put("/{id}")
    @Secured({Roles.SELLER, Roles.HELPER})
    ProductView edit(@PathVariable UUID id, @Body @Valid ProductDetails details, Authentication authentication) {
        return products.edit(Caller.of(authentication), id, details);
    }

    @Post("/{id}/publish")
    @Secured({Roles.SELLER, Roles.HELPER, Roles.OFFICER, Roles.ADMIN})
    ProductView publish(@PathVariable UUID id, Authentication authentication) {
        return products.publish(Caller.of(authentication), id);
    }

    @Post("/{id}/suspend")
    @Secured({Roles.SELLER, Roles.HELPER, Roles.OFFICER, Roles.ADMIN})
    ProductView suspend(@PathVariable UUID id, @Body @Valid Suspension request, Authentication authentication) {
        return products.suspend(Caller.of(authentication), id, request.reason());
    }

    @Post("/{id}/skus")
    @Secured({Roles.SELLER, Roles.HELPER})
    ProductView addSku(@PathVariable UUID id, @Body @Valid NewProduct.NewSku request, Authentication authentication) {
        return products.addSku(Caller.of(authentication), id, request);
    }

    @Put("/{id}/skus/{skuId}/price")
    @Secured({Roles.SELLER, Roles.HELPER})
    ProductView changePrice(@PathVariable UUID id, @PathVariable UUID skuId, @Body @Valid Price request,
                            Authentication authentication) {
        return products.changePrice(Caller.of(authentication), id, skuId, request.priceVnd());
    }

    @Post("/{id}/skus/{skuId}/stock-adjustments")
    @Secured({Roles.SELLER, Roles.HELPER})
    ProductView adjustStock(@PathVariable UUID id, @PathVariable UUID skuId, @Body @Valid Adjustment request,
                            Authentication authentication) {
        return products.adjustStock(Caller.of(authentication), id, skuId, request.delta(), request.reason());
    }

    @Post("/{id}/certificate-claim")
    @Secured({Roles.SELLER, Roles.HELPER})
    ProductView claimCertificate(@PathVariable UUID id, @Body @Valid CertificateClaimRequest request,
                                 Authentication authentication) {
        Caller caller = Caller.of(authentication);
        claims.claim(caller, id, request.certificateNumber());
        return products.view(id, caller);
    }

    @Post("/{id}/certificate-claim/decision")
    @Secured({Roles.OFFICER, Roles.ADMIN})
    ProductView decideClaim(@PathVariable UUID id, @Body @Valid ClaimDecisionRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        claims.decide(caller, id, request.decision() == ClaimDecision.APPROVE, request.note());
        return products.view(id, caller);
    }

    /** Claims waiting for the officer's decision, oldest first. */
    @Get("/certificate-claims")
    @Secured({Roles.OFFICER, Roles.ADMIN})
    List<PendingClaim> pendingClaims(Authentication authentication) {
        return claims.pending(Caller.of(authentication)).stream()
                .map(p -> new PendingClaim(p.id(), p.name(), p.sellerId(), p.certificateId()))
                .toList();
    }
}
