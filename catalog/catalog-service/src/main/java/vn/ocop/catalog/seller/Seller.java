package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;

/**
 * An OCOP subject selling on the marketplace. Its id is the seller's identity account id. The trade office of the
 * seller's province decides its status.
 */
@MappedEntity("sellers")
public record Seller(@Id UUID id, String displayName, SellerType sellerType, String legalName, String provinceCode,
                     String communeCode, @Nullable String phone, @Nullable String email, SellerStatus status,
                     @Nullable String statusReason, Instant createdAt, Instant updatedAt, @Version long version) {

    private static final Map<SellerStatus, Set<SellerStatus>> ALLOWED = Map.of(
            SellerStatus.PENDING, Set.of(SellerStatus.VERIFIED, SellerStatus.REJECTED),
            SellerStatus.REJECTED, Set.of(SellerStatus.VERIFIED),
            SellerStatus.VERIFIED, Set.of(SellerStatus.SUSPENDED),
            SellerStatus.SUSPENDED, Set.of(SellerStatus.VERIFIED));

    public boolean verified() {
        return status == SellerStatus.VERIFIED;
    }

    /** The seller with a new status decided by an officer. */
    Seller decide(SellerStatus next, @Nullable String reason, Instant now) {
        if (!ALLOWED.get(status).contains(next)) {
            throw ProblemException.conflict("seller_status_conflict", "A {0} seller cannot become {1}", status, next);
        }
        return new Seller(id, displayName, sellerType, legalName, provinceCode, communeCode, phone, email, next, reason,
                createdAt, now, version);
    }
}
