package vn.ocop.catalog.seller;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** Officers of the seller's province (or admins) verify, reject, suspend and reinstate sellers. */
@Singleton
public class SellerDecisions {

    private final SellerRepository sellers;
    private final SellerHistoryRepository history;
    private final SellerProfiles profiles;
    private final ActivityLog activity;
    private final ApplicationEventPublisher<SellerChanged> changes;
    private final Clock clock;

    SellerDecisions(SellerRepository sellers, SellerHistoryRepository history, SellerProfiles profiles, ActivityLog activity,
                    ApplicationEventPublisher<SellerChanged> changes, Clock clock) {
        this.sellers = sellers;
        this.history = history;
        this.profiles = profiles;
        this.activity = activity;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public Seller decide(Caller officer, UUID sellerId, SellerStatus next, @Nullable String reason) {
        Seller seller = sellers.findById(sellerId)
                .orElseThrow(() -> ProblemException.notFound("seller_not_found", "No seller {0}", sellerId));
        requireJurisdiction(officer, seller);
        if (next != SellerStatus.VERIFIED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "is required to reject or suspend a seller");
        }
        if (next == SellerStatus.VERIFIED) {
            List<Problem.FieldError> missing = profiles.missingForVerification(seller);
            if (!missing.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "seller_profile_incomplete", missing,
                        "Seller {0} cannot be verified before its profile is complete", sellerId);
            }
        }
        Instant now = Instant.now(clock);
        Seller decided = sellers.update(seller.decide(next, reason, now));
        history.save(new SellerStatusChange(null, sellerId, seller.status(), next, reason, officer.accountId(), now));
        activity.record(new Acting(officer.accountId(), sellerId, officer.has(Roles.ADMIN) ? Acting.Role.ADMIN : Acting.Role.OFFICER),
                "STATUS_" + next, sellerId, reason == null ? next.name() : next + ": " + reason);
        changes.publishEvent(new SellerChanged(sellerId));
        return decided;
    }

    /** An officer acts only within their province; an admin anywhere. */
    static void requireJurisdiction(Caller caller, Seller seller) {
        if (caller.has(Roles.ADMIN)) {
            return;
        }
        if (!seller.officialOfProvince(caller)) {
            throw ProblemException.forbidden("outside_province", "Seller {0} is outside your province", seller.id());
        }
    }
}
