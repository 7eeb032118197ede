package vn.ocop.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A seller granted, replaced or revoked a helper's delegation. The snapshot is whole: a service that lets helpers act
 * for sellers (orders: fulfilment) keeps the latest per (seller, helper) and checks scope and {@code validUntil}
 * itself. {@code revision} grows with every change of the pair, so an older snapshot is ignored.
 *
 * @param delegationId the delegation
 * @param sellerId     the seller (its account id)
 * @param helperId     the helper's account id
 * @param scopes       what the helper may do, e.g. {@code LISTINGS}, {@code ORDERS}; empty when revoked
 * @param validUntil   until when, if granted
 * @param revoked      whether the seller revoked it
 * @param revision     increases with every change of this seller-helper pair
 * @param changedAt    when
 */
@Serdeable
public record DelegationChanged(UUID delegationId, UUID sellerId, UUID helperId, Set<String> scopes,
                                @Nullable Instant validUntil, boolean revoked, long revision, Instant changedAt) {

    public static final String TYPE = "DelegationChanged";
    public static final int VERSION = 1;

    /** The scope that lets a helper see and fulfil the seller's orders. */
    public static final String ORDERS = "ORDERS";
}
