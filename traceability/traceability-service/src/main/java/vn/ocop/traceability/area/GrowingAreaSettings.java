package vn.ocop.traceability.area;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.math.BigDecimal;

/**
 * Settings of growing areas ({@code ocop.traceability.growing-areas.*}).
 *
 * @param areaTolerance how far the area computed from the boundary may differ from the declared one, as a fraction of
 *                      the declared area, before the area is flagged as a mismatch (0.10: 10%)
 * @param maxPositions  the most positions a boundary may have, all rings together
 * @param minLongitude  west edge of the box every boundary position must lie in (Vietnam: 102.14, A Pa Chải)
 * @param maxLongitude  east edge (109.47, Mũi Đôi; offshore archipelagos are left out, having no growing areas)
 * @param minLatitude   south edge (8.18, off Mũi Cà Mau, with Hòn Khoai and Côn Đảo inside)
 * @param maxLatitude   north edge (23.39, Lũng Cú)
 */
@ConfigurationProperties("ocop.traceability.growing-areas")
public record GrowingAreaSettings(
        @Bindable(defaultValue = "0.10") BigDecimal areaTolerance,
        @Bindable(defaultValue = "10000") int maxPositions,
        @Bindable(defaultValue = "102.14") double minLongitude,
        @Bindable(defaultValue = "109.47") double maxLongitude,
        @Bindable(defaultValue = "8.18") double minLatitude,
        @Bindable(defaultValue = "23.39") double maxLatitude) {

    boolean contains(double longitude, double latitude) {
        return longitude >= minLongitude && longitude <= maxLongitude && latitude >= minLatitude && latitude <= maxLatitude;
    }
}
