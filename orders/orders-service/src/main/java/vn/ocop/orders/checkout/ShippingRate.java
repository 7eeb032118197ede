package vn.ocop.orders.checkout;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * The price of one seller's parcel in one shipping zone ({@code ocop.orders.shipping.zones.<zone>.*}): a base fee
 * covering the first {@code includedGrams}, then a fee per started kilogram.
 *
 * @param zone          the zone's name, {@code local} or {@code national}
 * @param baseFeeVnd    fee up to {@code includedGrams}
 * @param includedGrams weight the base fee covers
 * @param perKgVnd      fee per started kilogram above it
 */
@EachProperty("ocop.orders.shipping.zones")
record ShippingRate(@Parameter String zone, long baseFeeVnd, int includedGrams, long perKgVnd) {

    long feeFor(int weightGrams) {
        int extra = Math.max(0, weightGrams - includedGrams);
        return baseFeeVnd + (extra + 999L) / 1000 * perKgVnd;
    }
}
