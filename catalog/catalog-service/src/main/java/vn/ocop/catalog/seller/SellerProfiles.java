package vn.ocop.catalog.seller;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.api.SellerPayoutAccountChanged;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;

/**
 * Sellers (and their helpers) keep their profile; the seller alone sets where payouts go. A verified seller whose
 * legal identity changes (type, legal name, business code, province) goes back to the officer for verification.
 */
@Singleton
public class SellerProfiles {

    /** Tax code of an enterprise or cooperative: 10 digits, a branch adds "-" and 3 more. */
    private static final String TAX_CODE = "\\d{10}(-\\d{3})?";

    private final SellerRepository sellers;
    private final SellerHistoryRepository history;
    private final Delegations delegations;
    private final ActivityLog activity;
    private final AdminUnits units;
    private final ApplicationEventPublisher<SellerChanged> changes;
    private final Outbox outbox;
    private final Clock clock;

    SellerProfiles(SellerRepository sellers, SellerHistoryRepository history, Delegations delegations, ActivityLog activity,
                   AdminUnits units, ApplicationEventPublisher<SellerChanged> changes, Outbox outbox, Clock clock) {
        this.sellers = sellers;
        this.history = history;
        this.delegations = delegations;
        this.activity = activity;
        this.units = units;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Seller update(Caller caller, UUID sellerId, SellerProfile profile) {
        Acting acting = delegations.authorize(caller, sellerId, DelegationScope.PROFILE);
        Seller seller = find(sellerId);
        units.requireCommune("address.", profile.address().provinceCode(), profile.address().communeCode());
        if (profile.address().legacyDistrictCode() != null) {
            units.requireLegacyDistrict("address.legacyDistrictCode", profile.address().legacyDistrictCode(),
                    profile.address().provinceCode());
        }
        if (profile.sellerType() != SellerType.HOUSEHOLD_BUSINESS && !profile.businessCode().matches(TAX_CODE)) {
            throw ProblemException.invalidField("businessCode", "must be the 10-digit tax code (or 10-3 for a branch)");
        }
        Instant now = clock.instant();
        Seller updated = seller.withProfile(profile, now);
        if (seller.verified() && !seller.sameLegalIdentity(updated)) {
            String reason = "legal details changed; to be verified again";
            updated = updated.withStatus(SellerStatus.PENDING, reason, now);
            history.save(new SellerStatusChange(null, sellerId, seller.status(), SellerStatus.PENDING, reason,
                    caller.accountId(), now));
        }
        Seller saved = sellers.update(updated);
        activity.record(acting, "PROFILE_UPDATED", sellerId, saved.legalName() + ", " + saved.street());
        changes.publishEvent(new SellerChanged(sellerId));
        return saved;
    }

    /**
     * Only the seller itself: a helper never redirects a seller's money. The new account goes out to payments
     * ({@link SellerPayoutAccountChanged}) in the same transaction.
     */
    @Transactional
    Seller setPayout(Caller caller, UUID sellerId, SellerProfile.Payout payout) {
        Acting acting = delegations.requireSellerItself(caller, sellerId);
        List<Problem.FieldError> missing = new ArrayList<>();
        switch (payout.method()) {
            case BANK_ACCOUNT -> {
                require(missing, payout.bankBin(), "bankBin");
                require(missing, payout.accountNumber(), "accountNumber");
                require(missing, payout.accountName(), "accountName");
            }
            case MOBILE_WALLET -> {
                require(missing, payout.wallet(), "wallet");
                require(missing, payout.walletPhone(), "walletPhone");
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_request", missing,
                    "The request has invalid fields");
        }
        Seller saved = sellers.update(find(sellerId).withPayout(payout.account(), clock.instant()));
        PayoutAccount account = saved.payout();
        outbox.publish(SellerPayoutAccountChanged.TYPE, SellerPayoutAccountChanged.VERSION, sellerId.toString(),
                new SellerPayoutAccountChanged(sellerId, SellerPayoutAccountChanged.Method.valueOf(account.method().name()),
                        account.institution(), account.account(), account.holder(), saved.version(), saved.updatedAt()));
        activity.record(acting, "PAYOUT_ACCOUNT_SET", sellerId, account.method() + " " + account.institution() + " ***"
                + account.account().substring(Math.max(0, account.account().length() - 4)));
        return saved;
    }

    /** What an officer needs before verifying: empty when the profile is complete and its address valid. */
    List<Problem.FieldError> missingForVerification(Seller seller) {
        List<Problem.FieldError> missing = new ArrayList<>();
        require(missing, seller.businessCode(), "businessCode");
        require(missing, seller.representative(), "representative");
        require(missing, seller.street(), "address.street");
        require(missing, seller.phone(), "phone");
        require(missing, seller.payout(), "payout");
        try {
            units.requireCommune("address.", seller.provinceCode(), seller.communeCode());
        } catch (ProblemException e) {
            missing.addAll(e.errors());
        }
        return missing;
    }

    private Seller find(UUID sellerId) {
        return sellers.findById(sellerId)
                .orElseThrow(() -> ProblemException.notFound("seller_not_found", "No seller {0}", sellerId));
    }

    private static void require(List<Problem.FieldError> missing, Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            missing.add(new Problem.FieldError(field, "is required"));
        }
    }
}
