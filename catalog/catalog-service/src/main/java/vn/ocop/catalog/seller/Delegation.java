package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ocop.catalog.api.DelegationChanged;

/** A seller's consent for a helper to act for it: what ({@code scopes}, comma-separated) and until when. */
@MappedEntity("delegations")
record Delegation(@Id UUID id, UUID sellerId, UUID helperId, String scopes, Instant validUntil, Instant grantedAt,
                  @Nullable Instant revokedAt, @Version long version) {

    enum State { ACTIVE, EXPIRED, REVOKED }

    static Delegation grant(UUID id, UUID sellerId, UUID helperId, Set<DelegationScope> scopes, Instant validUntil,
                            Instant now) {
        return new Delegation(id, sellerId, helperId, scopes.stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                validUntil, now, null, 0);
    }

    Set<DelegationScope> scopeSet() {
        Set<DelegationScope> set = EnumSet.noneOf(DelegationScope.class);
        Arrays.stream(scopes.split(",")).map(DelegationScope::valueOf).forEach(set::add);
        return set;
    }

    State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(validUntil) ? State.ACTIVE : State.EXPIRED;
    }

    Delegation revoke(Instant now) {
        return new Delegation(id, sellerId, helperId, scopes, validUntil, grantedAt, now, version);
    }

    /**
     * What other services learn of the seller-helper pair once this delegation was granted or revoked: the whole
     * snapshot, with no scopes and no end date once revoked.
     *
     * @param revision the pair's count of changes, this one included
     */
    DelegationChanged changed(long revision) {
        boolean revoked = revokedAt != null;
        Set<String> names = revoked ? Set.of()
                : scopeSet().stream().map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
        return new DelegationChanged(id, sellerId, helperId, names, revoked ? null : validUntil, revoked, revision,
                revoked ? revokedAt : grantedAt);
    }
}
