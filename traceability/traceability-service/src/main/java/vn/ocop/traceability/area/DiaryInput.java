package vn.ocop.traceability.area;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.math.BigDecimal;
import java.util.UUID;

/** An input used in a diary entry: fertiliser, pesticide, seed... with how much of it. */
@MappedEntity("farming_diary_inputs")
record DiaryInput(@EmbeddedId Key key, String name, BigDecimal quantity, String unit) {

    @Embeddable
    record Key(@MappedProperty("entry_id") UUID entryId, @MappedProperty("position") int position) {
    }
}
