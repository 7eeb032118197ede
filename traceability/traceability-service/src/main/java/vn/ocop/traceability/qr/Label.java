package vn.ocop.traceability.qr;

import io.micronaut.core.annotation.Nullable;

/**
 * One label of a sheet.
 *
 * @param productName the product's name, Vietnamese
 * @param lotCode     the lot's code
 * @param ocopStars   the product's OCOP stars when its certificate is valid on the day the sheet is printed
 * @param serial      the unit's serial number, for a unit's label
 * @param uri         what its QR code holds: the URI the resolver answers
 */
record Label(String productName, String lotCode, @Nullable Integer ocopStars, @Nullable String serial, String uri) {
}
