package vn.ocop.catalog.locality;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A province or centrally run city in force since 1 July 2025. */
@MappedEntity("provinces")
public record Province(@Id String code, String name, String searchKey) {
}
