package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

@Controller("/api/v1/sellers")
class SellerController {

    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private final SellerRepository sellers;
    private final SellerHistoryRepository history;
    private final SellerDecisions decisions;
    private final SellerProfiles profiles;
    private final AdminUnits units;

    SellerController(SellerRepository sellers, SellerHistoryRepository history, SellerDecisions decisions,
                     SellerProfiles profiles, AdminUnits units) {
        this.sellers = sellers;
        this.history = history;
        this.decisions = decisions;
        this.profiles = profiles;
        this.units = units;
    }

    /** What an officer decides. */
    enum Decision {
        /** Verify a pending or rejected seller, or reinstate a suspended one. */
        VERIFY(SellerStatus.VERIFIED),
        REJECT(SellerStatus.REJECTED),
        SUSPEND(SellerStatus.SUSPENDED);

        private final SellerStatus outcome;

        Decision(SellerStatus outcome) {
            this.outcome = outcome;
        }
    }

    @Serdeable
    record DecisionRequest(@NotNull Decision decision, @Nullable @Size(max = 500) String reason) {
    }

    @Serdeable
    record HistoryEntry(@Nullable SellerStatus from, SellerStatus to, @Nullable String reason, @Nullable UUID actorId,
                        Instant at) {
    }

    @Serdeable
    record SellerPage(List<SellerView> items, @Nullable UUID nextCursor) {
    }

    /** A verified seller's public profile; the seller, officers of its province and admins see everything. */
    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    SellerView show(@PathVariable UUID id, @Nullable Authentication authentication) {
        Seller seller = sellers.findById(id).orElseThrow(() -> notFound(id));
        boolean full = authentication != null && seller.managedBy(Caller.of(authentication));
        if (!full && !seller.verified()) {
            throw notFound(id);
        }
        return SellerView.of(seller, units, full);
    }

    /** The caller's own seller profile. */
    @Get("/me")
    @Secured(Roles.SELLER)
    SellerView me(Authentication authentication) {
        UUID id = Caller.of(authentication).accountId();
        return SellerView.of(sellers.findById(id).orElseThrow(() -> notFound(id)), units, true);
    }

    /** The seller, or a helper delegated PROFILE, replaces the profile; see {@link SellerProfiles}. */
    @Put("/{id}/profile")
    @Secured({Roles.SELLER, Roles.HELPER})
    SellerView updateProfile(@PathVariable UUID id, @Body @Valid SellerProfile profile, Authentication authentication) {
        return SellerView.of(profiles.update(Caller.of(authentication), id, profile), units, true);
    }

    /** Where payouts go; the seller alone sets it. */
    @Put("/{id}/payout-account")
    @Secured(Roles.SELLER)
    SellerView setPayout(@PathVariable UUID id, @Body @Valid SellerProfile.Payout payout, Authentication authentication) {
        return SellerView.of(profiles.setPayout(Caller.of(authentication), id, payout), units, true);
    }

    @Get("/{id}/history")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<HistoryEntry> history(@PathVariable UUID id, Authentication authentication) {
        Seller seller = sellers.findById(id).orElseThrow(() -> notFound(id));
        if (!seller.managedBy(Caller.of(authentication))) {
            throw notFound(id);
        }
        return history.findBySellerIdOrderByIdAsc(id).stream()
                .map(c -> new HistoryEntry(c.fromStatus(), c.toStatus(), c.reason(), c.actorId(), c.changedAt()))
                .toList();
    }

    /** Sellers of one status (default: waiting for verification), in the officer's province; oldest first. */
    @Get
    @Secured({Roles.OFFICER, Roles.ADMIN})
    SellerPage list(Authentication authentication, @QueryValue(defaultValue = "PENDING") SellerStatus status,
                    @QueryValue(defaultValue = "50") @Min(1) @Max(200) int limit, @QueryValue @Nullable UUID cursor) {
        Caller caller = Caller.of(authentication);
        Pageable page = Pageable.from(0, limit, Sort.of(Sort.Order.asc("id")));
        UUID after = cursor == null ? BEFORE_ALL : cursor;
        List<Seller> found = caller.has(Roles.ADMIN)
                ? sellers.findByStatusAndIdGreaterThan(status, after, page)
                : sellers.findByProvinceCodeAndStatusAndIdGreaterThan(caller.officerProvince().orElse("--"), status, after, page);
        return new SellerPage(found.stream().map(s -> SellerView.of(s, units, true)).toList(),
                found.size() == limit ? found.getLast().id() : null);
    }

    @Post("/{id}/decisions")
    @Secured({Roles.OFFICER, Roles.ADMIN})
    SellerView decide(@PathVariable UUID id, @Body @Valid DecisionRequest request, Authentication authentication) {
        return SellerView.of(decisions.decide(Caller.of(authentication), id, request.decision().outcome, request.reason()), units,
                true);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("seller_not_found", "No seller {0}", id);
    }
}
