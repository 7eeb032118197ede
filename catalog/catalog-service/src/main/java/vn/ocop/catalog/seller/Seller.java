package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * An OCOP subject selling on the marketplace. Its id is the seller's identity account id. The trade office of the
 * seller's province decides its status.
 *
 * @param businessCode       enterprise or cooperative tax code, or household business registration number
 * @param legacyDistrictCode the district on papers issued before the July 2025 reform, if any
 */
@MappedEntity("sellers")
public record Seller(@Id UUID id, String displayName, SellerType sellerType, String legalName, @Nullable String businessCode,
                     @Nullable String representative, @Nullable String street, String provinceCode, String communeCode,
                     @Nullable String legacyDistrictCode, @Nullable String phone, @Nullable String email,
                     @Nullable PayoutAccount.PayoutMethod payoutMethod, @Nullable String payoutInstitution,
                     @Nullable String payoutAccount, @Nullable String payoutHolder, SellerStatus status,
                     @Nullable String statusReason, Instant createdAt, Instant updatedAt, @Version long version) {

    private static final Map<SellerStatus, Set<SellerStatus>> ALLOWED = Map.of(
            SellerStatus.PENDING, Set.of(SellerStatus.VERIFIED, SellerStatus.REJECTED),
            SellerStatus.REJECTED, Set.of(SellerStatus.VERIFIED),
            SellerStatus.VERIFIED, Set.of(SellerStatus.SUSPENDED),
            SellerStatus.SUSPENDED, Set.of(SellerStatus.VERIFIED));

    /** A seller as registered in identity, waiting for verification. */
    static Seller registered(UUID id, String displayName, SellerType type, String legalName, String provinceCode,
                             String communeCode, @Nullable String phone, @Nullable String email, Instant now) {
        return new Seller(id, displayName, type, legalName, null, null, null, provinceCode, communeCode, null, phone, email,
                null, null, null, null, SellerStatus.PENDING, null, now, now, 0);
    }

    /** Where payouts go, once the seller has said. */
    @Nullable
    public PayoutAccount payout() {
        return payoutMethod == null ? null : new PayoutAccount(payoutMethod, payoutInstitution, payoutAccount, payoutHolder);
    }

    /** The seller itself, an admin, or an officer of the seller's province: who sees all of its records. */
    public boolean managedBy(Caller caller) {
        return caller.accountId().equals(id) || caller.has(Roles.ADMIN) || officialOfProvince(caller);
    }

    /** An officer of the seller's province. */
    public boolean officialOfProvince(Caller caller) {
        return caller.officerProvince().map(provinceCode::equals).orElse(false);
    }

    public boolean verified() {
        return status == SellerStatus.VERIFIED;
    }

    /** The seller with a new status decided by an officer. */
    Seller decide(SellerStatus next, @Nullable String reason, Instant now) {
        if (!ALLOWED.get(status).contains(next)) {
            throw ProblemException.conflict("seller_status_conflict", "A {0} seller cannot become {1}", status, next);
        }
        return withStatus(next, reason, now);
    }

    Seller withStatus(SellerStatus next, @Nullable String reason, Instant now) {
        return new Seller(id, displayName, sellerType, legalName, businessCode, representative, street, provinceCode,
                communeCode, legacyDistrictCode, phone, email, payoutMethod, payoutInstitution, payoutAccount, payoutHolder,
                next, reason, createdAt, now, version);
    }

    /** The seller with the profile it sent; status unchanged. */
    Seller withProfile(SellerProfile p, Instant now) {
        return new Seller(id, p.displayName().strip(), p.sellerType(), p.legalName().strip(), p.businessCode(),
                p.representative().strip(), p.address().street().strip(), p.address().provinceCode(),
                p.address().communeCode(), p.address().legacyDistrictCode(), p.phone(), p.email(), payoutMethod,
                payoutInstitution, payoutAccount, payoutHolder, status, statusReason, createdAt, now, version);
    }

    Seller withPayout(PayoutAccount account, Instant now) {
        return new Seller(id, displayName, sellerType, legalName, businessCode, representative, street, provinceCode,
                communeCode, legacyDistrictCode, phone, email, account.method(), account.institution(), account.account(),
                account.holder(), status, statusReason, createdAt, now, version);
    }

    /** Whether the facts an officer verified (who the subject is, where) differ from another version's. */
    boolean sameLegalIdentity(Seller other) {
        return sellerType == other.sellerType && legalName.equals(other.legalName)
                && Objects.equals(businessCode, other.businessCode) && provinceCode.equals(other.provinceCode);
    }
}
