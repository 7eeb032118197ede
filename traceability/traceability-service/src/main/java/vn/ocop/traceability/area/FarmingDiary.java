package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.time.VietnamTime;

/** A growing area's farming diary: its seller writes it, its readers read it in date order. */
@Singleton
class FarmingDiary {

    private final AreaRepositories.DiaryEntries entries;
    private final AreaRepositories.DiaryInputs inputs;
    private final AreaAccess access;
    private final Clock clock;

    FarmingDiary(AreaRepositories.DiaryEntries entries, AreaRepositories.DiaryInputs inputs, AreaAccess access, Clock clock) {
        this.entries = entries;
        this.inputs = inputs;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    AreaViews.DiaryEntryPart record(UUID areaId, Caller caller, AreaRequests.DiaryEntryPart request) {
        GrowingArea area = access.managed(areaId, caller);
        if (request.date().isAfter(LocalDate.now(clock.withZone(VietnamTime.ZONE)))) {
            throw ProblemException.invalidField("date", "must not be in the future");
        }
        DiaryEntry entry = entries.save(new DiaryEntry(Ids.newId(), area.id(), request.date(), request.activity().strip(),
                request.note() == null || request.note().isBlank() ? null : request.note().strip(), caller.accountId(),
                clock.instant()));
        List<DiaryInput> used = new ArrayList<>();
        List<AreaRequests.InputPart> given = request.inputs() == null ? List.of() : request.inputs();
        for (int i = 0; i < given.size(); i++) {
            AreaRequests.InputPart input = given.get(i);
            used.add(new DiaryInput(new DiaryInput.Key(entry.id(), i), input.name().strip(), input.quantity(),
                    input.unit().strip()));
        }
        inputs.saveAll(used);
        return part(entry, used);
    }

    /** The diary between two dates (inclusive, either open), in date order. */
    @Transactional(readOnly = true)
    AreaViews.DiaryPage page(UUID areaId, Caller caller, @Nullable LocalDate from, @Nullable LocalDate to,
                             @Nullable String cursor, int limit) {
        GrowingArea area = access.readable(areaId, caller);
        Cursors.Position<LocalDate> after = Cursors.decode(cursor, LocalDate::parse);
        List<DiaryEntry> found = entries.page(area.id(), from, to, after == null ? null : after.key(),
                after == null ? null : after.id(), limit + 1);
        List<DiaryEntry> shown = found.size() > limit ? found.subList(0, limit) : found;
        Map<UUID, List<DiaryInput>> byEntry = shown.isEmpty() ? Map.of()
                : inputs.ofEntries(shown.stream().map(DiaryEntry::id).toList()).stream()
                        .collect(Collectors.groupingBy(i -> i.key().entryId()));
        DiaryEntry last = shown.isEmpty() ? null : shown.getLast();
        return new AreaViews.DiaryPage(shown.stream().map(e -> part(e, byEntry.getOrDefault(e.id(), List.of()))).toList(),
                found.size() > limit ? Cursors.encode(last.entryDate(), last.id()) : null);
    }

    private static AreaViews.DiaryEntryPart part(DiaryEntry entry, List<DiaryInput> used) {
        return new AreaViews.DiaryEntryPart(entry.id(), entry.entryDate(), entry.activity(), entry.note(),
                used.stream().map(i -> new AreaViews.InputPart(i.name(), i.quantity(), i.unit())).toList(),
                entry.createdAt());
    }
}
