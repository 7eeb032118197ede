package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** A seller's delegations to helpers, a helper's view of whom it may act for, and the seller's activity log. */
@Controller("/api/v1")
class DelegationController {

    private final Delegations delegations;
    private final SellerRepository sellers;
    private final SellerActivityRepository activity;
    private final Clock clock;

    DelegationController(Delegations delegations, SellerRepository sellers, SellerActivityRepository activity, Clock clock) {
        this.delegations = delegations;
        this.sellers = sellers;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * @param helper     the helper's account id, phone or e-mail
     * @param scopes     what the helper may do
     * @param validUntil until when (at most a year ahead)
     */
    @Serdeable
    record Grant(@NotBlank @Size(max = 254) String helper, @NotEmpty Set<@NotNull DelegationScope> scopes,
                 @NotNull Instant validUntil) {
    }

    @Serdeable
    record DelegationView(UUID id, UUID sellerId, HelperView helper, Set<DelegationScope> scopes, Instant validUntil,
                          Instant grantedAt, @Nullable Instant revokedAt, Delegation.State state) {
    }

    @Serdeable
    record HelperView(UUID id, @Nullable String displayName, @Nullable String phone) {
    }

    @Serdeable
    record ActivityEntry(long id, UUID actorId, Acting.Role actorRole, String action, @Nullable UUID subjectId,
                         String summary, Instant at) {
    }

    @Serdeable
    record ActivityPage(List<ActivityEntry> items, @Nullable Long nextCursor) {
    }

    @Post("/sellers/{sellerId}/delegations")
    @Secured(Roles.SELLER)
    HttpResponse<DelegationView> grant(@PathVariable UUID sellerId, @Body @Valid Grant grant, Authentication authentication) {
        Delegation granted = delegations.grant(Caller.of(authentication), sellerId, grant.helper(), grant.scopes(),
                grant.validUntil());
        return HttpResponse.created(views(List.of(granted)).getFirst(),
                URI.create("/api/v1/sellers/" + sellerId + "/delegations/" + granted.id()));
    }

    @Get("/sellers/{sellerId}/delegations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<DelegationView> list(@PathVariable UUID sellerId, Authentication authentication) {
        requireSellerOrOfficial(Caller.of(authentication), sellerId);
        return views(delegations.ofSeller(sellerId));
    }

    @Delete("/sellers/{sellerId}/delegations/{delegationId}")
    @Secured(Roles.SELLER)
    HttpResponse<Void> revoke(@PathVariable UUID sellerId, @PathVariable UUID delegationId, Authentication authentication) {
        delegations.revoke(Caller.of(authentication), sellerId, delegationId);
        return HttpResponse.noContent();
    }

    /** The sellers a helper acts for (delegations not revoked; expired ones shown as such). */
    @Get("/helpers/me/delegations")
    @Secured(Roles.HELPER)
    List<DelegationView> mine(Authentication authentication) {
        return views(delegations.ofHelper(Caller.of(authentication).accountId()));
    }

    /** Who changed what of the seller's data, newest first. */
    @Get("/sellers/{sellerId}/activity")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ActivityPage activity(@PathVariable UUID sellerId, Authentication authentication,
                          @QueryValue(defaultValue = "50") @Min(1) @Max(200) int limit, @QueryValue @Nullable Long cursor) {
        requireSellerOrOfficial(Caller.of(authentication), sellerId);
        List<SellerActivity> found = activity.findBySellerIdAndIdLessThan(sellerId, cursor == null ? Long.MAX_VALUE : cursor,
                Pageable.from(0, limit, Sort.of(Sort.Order.desc("id"))));
        return new ActivityPage(found.stream().map(a -> new ActivityEntry(a.id(), a.actorId(), a.actorRole(), a.action(),
                a.subjectId(), a.summary(), a.actedAt())).toList(), found.size() == limit ? found.getLast().id() : null);
    }

    private List<DelegationView> views(List<Delegation> list) {
        Map<UUID, Helper> helpers = delegations.helpers(list);
        Instant now = clock.instant();
        return list.stream().map(d -> {
            Helper h = helpers.get(d.helperId());
            return new DelegationView(d.id(), d.sellerId(), new HelperView(d.helperId(), h == null ? null : h.displayName(),
                    h == null ? null : h.phone()), d.scopeSet(), d.validUntil(), d.grantedAt(), d.revokedAt(), d.state(now));
        }).toList();
    }

    private void requireSellerOrOfficial(Caller caller, UUID sellerId) {
        Seller seller = sellers.findById(sellerId)
                .orElseThrow(() -> ProblemException.notFound("seller_not_found", "No seller {0}", sellerId));
        if (!seller.managedBy(caller)) {
            throw ProblemException.forbidden("not_your_seller", "You cannot see seller {0}''s records", sellerId);
        }
    }
}
