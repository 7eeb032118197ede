package vn.ocop.catalog.seller;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ocop.catalog.api.DelegationChanged;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Sellers grant helpers delegations and revoke them; every write to a seller's data asks {@link #authorize} who is
 * acting, which lets a helper through only within an active delegation that covers the action. Each grant, replacement
 * and revocation publishes the seller-helper pair's new state ({@link DelegationChanged}) for the services that let
 * helpers act there (orders); the pair's changes are serialised, so their revisions follow commit order.
 */
@Singleton
public class Delegations {

    /** The longest a seller can grant at once; it can grant again. */
    static final Duration LONGEST = Duration.ofDays(366);

    private final DelegationRepository delegations;
    private final HelperRepository helpers;
    private final SellerRepository sellers;
    private final ActivityLog activity;
    private final Outbox outbox;
    private final Clock clock;

    Delegations(DelegationRepository delegations, HelperRepository helpers, SellerRepository sellers, ActivityLog activity,
                Outbox outbox, Clock clock) {
        this.delegations = delegations;
        this.helpers = helpers;
        this.sellers = sellers;
        this.activity = activity;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Who acts on the seller's data: the seller itself, or a helper whose delegation from it is active and covers
     * {@code scope}. Anyone else is refused with 403.
     */
    @Transactional(readOnly = true)
    public Acting authorize(Caller caller, UUID sellerId, DelegationScope scope) {
        if (caller.accountId().equals(sellerId) && caller.has(Roles.SELLER)) {
            return new Acting(caller.accountId(), sellerId, Acting.Role.SELLER);
        }
        if (!caller.has(Roles.HELPER)) {
            throw ProblemException.forbidden("not_your_seller", "You cannot act for seller {0}", sellerId);
        }
        Instant now = clock.instant();
        List<Delegation> held = delegations.findBySellerIdAndHelperIdAndRevokedAtIsNull(sellerId, caller.accountId());
        if (held.isEmpty()) {
            throw ProblemException.forbidden("no_delegation", "Seller {0} has not delegated anything to you", sellerId);
        }
        Delegation active = held.stream().filter(d -> d.state(now) == Delegation.State.ACTIVE).findFirst()
                .orElseThrow(() -> ProblemException.forbidden("delegation_expired", "Your delegation from seller {0} has expired",
                        sellerId));
        if (!active.scopeSet().contains(scope)) {
            throw ProblemException.forbidden("outside_delegation", "Your delegation from seller {0} does not cover {1}",
                    sellerId, scope);
        }
        return new Acting(caller.accountId(), sellerId, Acting.Role.HELPER);
    }

    /** The seller itself grants; a helper identified by account id, phone or e-mail. Replaces an active grant. */
    @Transactional
    Delegation grant(Caller caller, UUID sellerId, String helperRef, Set<DelegationScope> scopes, Instant validUntil) {
        Acting seller = requireSellerItself(caller, sellerId);
        Instant now = clock.instant();
        if (!validUntil.isAfter(now) || validUntil.isAfter(now.plus(LONGEST))) {
            throw ProblemException.invalidField("validUntil", "must be in the future and within a year");
        }
        Helper helper = findHelper(helperRef);
        long revision = countChange(sellerId, helper.id());
        delegations.findBySellerIdAndHelperIdAndRevokedAtIsNull(sellerId, helper.id())
                .forEach(old -> delegations.update(old.revoke(now)));
        Delegation granted = delegations.save(Delegation.grant(Ids.newId(), sellerId, helper.id(), scopes, validUntil, now));
        activity.record(seller, "DELEGATION_GRANTED", granted.id(), helper.displayName() + ": " + granted.scopes()
                + " until " + validUntil);
        publish(granted, revision);
        return granted;
    }

    /** The seller revokes; revoking twice is harmless and announces nothing the second time. */
    @Transactional
    void revoke(Caller caller, UUID sellerId, UUID delegationId) {
        Acting seller = requireSellerItself(caller, sellerId);
        Delegation delegation = find(sellerId, delegationId);
        if (delegation.revokedAt() != null) {
            return;
        }
        long revision = countChange(sellerId, delegation.helperId());
        // read again now that the pair is ours: a grant or revocation that committed meanwhile may have revoked it
        // (the pair's count then skips a number, which consumers do not mind: revisions only have to grow)
        delegation = find(sellerId, delegationId);
        if (delegation.revokedAt() == null) {
            Delegation revoked = delegations.update(delegation.revoke(clock.instant()));
            activity.record(seller, "DELEGATION_REVOKED", delegationId, "revoked");
            publish(revoked, revision);
        }
    }

    @Transactional(readOnly = true)
    List<Delegation> ofSeller(UUID sellerId) {
        return delegations.findBySellerIdOrderByGrantedAtDesc(sellerId);
    }

    /** A helper's delegations not revoked (active or expired). */
    @Transactional(readOnly = true)
    List<Delegation> ofHelper(UUID helperId) {
        return delegations.findByHelperIdAndRevokedAtIsNullOrderByGrantedAtDesc(helperId);
    }

    Map<UUID, Helper> helpers(List<Delegation> list) {
        return helpers.findByIdIn(list.stream().map(Delegation::helperId).distinct().toList()).stream()
                .collect(Collectors.toMap(Helper::id, h -> h));
    }

    /** For what the seller alone may do: grant and revoke delegations, set the payout account. */
    Acting requireSellerItself(Caller caller, UUID sellerId) {
        if (!caller.accountId().equals(sellerId) || !caller.has(Roles.SELLER) || !sellers.existsById(sellerId)) {
            throw ProblemException.forbidden("seller_only", "Only seller {0} itself can do this", sellerId);
        }
        return new Acting(caller.accountId(), sellerId, Acting.Role.SELLER);
    }

    private Delegation find(UUID sellerId, UUID delegationId) {
        return delegations.findById(delegationId)
                .filter(d -> d.sellerId().equals(sellerId))
                .orElseThrow(() -> ProblemException.notFound("delegation_not_found", "No delegation {0}", delegationId));
    }

    /**
     * Counts a change of the seller-helper pair and returns the count, the revision of the snapshot to publish. Until
     * the transaction ends, the pair's other grants and revocations wait here.
     */
    private long countChange(UUID sellerId, UUID helperId) {
        delegations.countChange(sellerId, helperId);
        return delegations.revision(sellerId, helperId);
    }

    private void publish(Delegation delegation, long revision) {
        outbox.publish(DelegationChanged.TYPE, DelegationChanged.VERSION, delegation.id().toString(),
                delegation.changed(revision));
    }

    private Helper findHelper(String ref) {
        String value = ref.strip();
        var found = value.contains("@") ? helpers.findByEmail(value.toLowerCase(Locale.ROOT))
                : value.matches(SellerProfile.PHONE) ? helpers.findByPhone(value)
                : parseId(value).flatMap(helpers::findById);
        return found.orElseThrow(() -> ProblemException.unprocessable("helper_not_found",
                "No helper account {0}; a helper account is created by the trade office", value));
    }

    private static Optional<UUID> parseId(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
