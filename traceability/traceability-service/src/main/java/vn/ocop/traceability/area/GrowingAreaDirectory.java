package vn.ocop.traceability.area;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** Finds growing areas for the features that link to them (lots). */
@Singleton
public final class GrowingAreaDirectory {

    private final AreaRepositories.Areas areas;

    GrowingAreaDirectory(AreaRepositories.Areas areas) {
        this.areas = areas;
    }

    public Optional<GrowingArea> find(UUID id) {
        return areas.findById(id);
    }
}
