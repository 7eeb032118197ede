package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Shipping fee of one seller's parcel by weight and zone: {@code local} when the parcel stays in the seller's province,
 * {@code national} otherwise (and when the seller's province is not known). The table is configuration
 * ({@code ocop.orders.shipping.zones.*}); a missing zone stops the service at start-up.
 */
@Singleton
class ShippingFees {

    static final String LOCAL = "local";
    static final String NATIONAL = "national";

    private final Map<String, ShippingRate> rates;

    ShippingFees(List<ShippingRate> configured) {
        this.rates = configured.stream().collect(Collectors.toMap(ShippingRate::zone, Function.identity()));
        for (String zone : List.of(LOCAL, NATIONAL)) {
            if (!rates.containsKey(zone)) {
                throw new IllegalStateException("no shipping rate for zone '" + zone + "' (ocop.orders.shipping.zones."
                        + zone + ".*)");
            }
        }
    }

    long feeFor(@Nullable String sellerProvince, String destinationProvince, int weightGrams) {
        return rates.get(destinationProvince.equals(sellerProvince) ? LOCAL : NATIONAL).feeFor(weightGrams);
    }
}
