package vn.ocop.traceability.lot;

import vn.ocop.traceability.product.Product;

/** A lot with the product it is a lot of. */
public record TracedLot(Lot lot, Product product) {
}
