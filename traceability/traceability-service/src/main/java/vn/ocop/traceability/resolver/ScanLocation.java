package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Where the phone that scanned said it was, if it chose to say: {@code ?lat=&lon=} (WGS 84 decimal degrees, as a
 * scanning app or the page's own link adds them), rounded to 0.01 degree (about 1 km) before anything keeps it. A
 * missing, unreadable or out-of-range pair is simply not logged: a location never stops a label from resolving.
 */
record ScanLocation(BigDecimal latitude, BigDecimal longitude) {

    static @Nullable ScanLocation of(HttpRequest<?> request) {
        Optional<Double> lat = number(request, "lat");
        Optional<Double> lon = number(request, "lon");
        if (lat.isEmpty() || lon.isEmpty() || Math.abs(lat.get()) > 90 || Math.abs(lon.get()) > 180) {
            return null;
        }
        return new ScanLocation(round(lat.get()), round(lon.get()));
    }

    private static Optional<Double> number(HttpRequest<?> request, String name) {
        Optional<String> value = request.getParameters().getFirst(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            double parsed = Double.parseDouble(value.get());
            return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal round(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(2, RoundingMode.HALF_UP);
    }
}
