package vn.ocop.payments.vnpay;

import io.micronaut.http.HttpParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A VNPay request's query parameters, one value per name. */
public final class VnPayParameters {

    private VnPayParameters() {
    }

    /** The parameters, or nothing when a {@code vnp_*} name repeats (VNPay never sends that; its signature covers one value). */
    public static Optional<Map<String, String>> of(HttpParameters parameters) {
        Map<String, String> single = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : parameters.asMap().entrySet()) {
            List<String> values = entry.getValue();
            if (values.size() > 1 && entry.getKey().startsWith("vnp_")) {
                return Optional.empty();
            }
            single.put(entry.getKey(), values.isEmpty() ? "" : values.getFirst());
        }
        return Optional.of(single);
    }
}
