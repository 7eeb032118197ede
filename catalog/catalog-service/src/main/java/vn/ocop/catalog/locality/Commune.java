package vn.ocop.catalog.locality;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A commune, ward or special zone (xã, phường, đặc khu) in force since 1 July 2025. */
@MappedEntity("communes")
public record Commune(@Id String code, String provinceCode, String name, String searchKey) {
}
