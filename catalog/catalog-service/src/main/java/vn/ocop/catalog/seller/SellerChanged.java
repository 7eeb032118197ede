package vn.ocop.catalog.seller;

import java.util.UUID;

/** In-process notice, inside the changing transaction, that a seller's status or public profile changed. */
public record SellerChanged(UUID sellerId) {
}
