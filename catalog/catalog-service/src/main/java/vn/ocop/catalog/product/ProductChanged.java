package vn.ocop.catalog.product;

import java.util.Collection;
import java.util.UUID;

/**
 * In-process notice, published inside the changing transaction, that what buyers see of these products may have
 * changed (details, status, prices, stock, certificate); the search index listens.
 */
public record ProductChanged(Collection<UUID> productIds) {
}
