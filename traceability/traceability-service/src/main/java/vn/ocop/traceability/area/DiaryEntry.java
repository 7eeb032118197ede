package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One day's work in a growing area's farming diary ("nhật ký canh tác"). */
@MappedEntity("farming_diary_entries")
record DiaryEntry(@Id UUID id, UUID areaId, LocalDate entryDate, String activity, @Nullable String note, UUID createdBy,
                  Instant createdAt) {
}
