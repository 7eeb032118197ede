package vn.ocop.catalog.locality;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A commune as it was before 1 July 2025. */
@MappedEntity("legacy_communes")
public record LegacyCommune(@Id String code, String districtCode, String name) {
}
