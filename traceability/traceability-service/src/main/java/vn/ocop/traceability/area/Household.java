package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.util.UUID;

/** A household farming a growing area; position 0 is its representative. */
@MappedEntity("growing_area_households")
record Household(@EmbeddedId Key key, String name, @Nullable String phone, boolean representative) {

    @Embeddable
    record Key(@MappedProperty("area_id") UUID areaId, @MappedProperty("position") int position) {
    }
}
