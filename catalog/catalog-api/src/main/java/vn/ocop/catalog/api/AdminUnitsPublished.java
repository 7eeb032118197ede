package vn.ocop.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Catalog loaded (a new edition of) the official post-July-2025 administrative units: the whole list, so a service
 * that validates addresses (orders: shipping addresses) replaces its copy with it. {@code sha256} identifies the
 * edition; a copy that already holds it ignores the event.
 *
 * @param sha256      fingerprint of the source lists
 * @param provinces   the 34 provinces and cities
 * @param communes    their communes, wards and special zones
 * @param publishedAt when
 */
@Serdeable
public record AdminUnitsPublished(String sha256, List<Province> provinces, List<Commune> communes, Instant publishedAt) {

    public static final String TYPE = "AdminUnitsPublished";
    public static final int VERSION = 1;

    /**
     * A province.
     *
     * @param code 2-digit code
     * @param name official name, e.g. "Thành phố Cần Thơ"
     */
    @Serdeable
    public record Province(String code, String name) {
    }

    /**
     * A commune-level unit.
     *
     * @param code         5-digit code
     * @param name         official name, e.g. "Phường Sóc Trăng"
     * @param provinceCode its province
     */
    @Serdeable
    public record Commune(String code, String name, String provinceCode) {
    }
}
