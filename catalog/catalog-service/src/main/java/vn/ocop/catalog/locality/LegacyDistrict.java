package vn.ocop.catalog.locality;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A district-level unit abolished on 1 July 2025, with the province it belonged to then. */
@MappedEntity("legacy_districts")
public record LegacyDistrict(@Id String code, String provinceCode, String name, String provinceName) {
}
