package vn.ocop.orders.catalogcopy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Orders' copy of an official post-2025 commune: where a parcel can be shipped. */
@MappedEntity("communes")
public record Commune(@Id String code, String provinceCode, String name) {
}
