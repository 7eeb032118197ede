package vn.ocop.catalog.seller;

import java.util.UUID;

/**
 * Who acts on a seller's data: the seller itself, a helper within its delegation, or an officer or admin.
 *
 * @param actorId  the account that made the request
 * @param sellerId the seller whose data changes
 * @param role     in which capacity
 */
public record Acting(UUID actorId, UUID sellerId, Role role) {

    public enum Role { SELLER, HELPER, OFFICER, ADMIN }

    public boolean onBehalf() {
        return role == Role.HELPER;
    }
}
