package vn.ocop.orders.checkout;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Shipping fee of one seller's parcel by weight: a base fee covering the first {@code includedGrams}, then a fee per
 * started kilogram ({@code ocop.orders.shipping.*}).
 */
@ConfigurationProperties("ocop.orders.shipping")
record ShippingFees(@Bindable(defaultValue = "20000") long baseFeeVnd,
                    @Bindable(defaultValue = "1000") int includedGrams,
                    @Bindable(defaultValue = "5000") long perKgVnd) {

    long feeFor(int weightGrams) {
        int extra = Math.max(0, weightGrams - includedGrams);
        return baseFeeVnd + (extra + 999L) / 1000 * perKgVnd;
    }
}
