package vn.ocop.traceability.area;

import jakarta.inject.Singleton;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Who may do what with a growing area: its seller manages it; officers and admins read any; officers of the area's
 * province decide on it.
 */
@Singleton
final class AreaAccess {

    private final AreaRepositories.Areas areas;

    AreaAccess(AreaRepositories.Areas areas) {
        this.areas = areas;
    }

    GrowingArea readable(UUID id, Caller caller) {
        GrowingArea area = find(id);
        if (!caller.has(Roles.OFFICER) && !caller.has(Roles.ADMIN) && !area.isOwnedBy(caller.accountId())) {
            throw notYours(area);
        }
        return area;
    }

    /** The area when the caller is its seller. */
    GrowingArea managed(UUID id, Caller caller) {
        GrowingArea area = find(id);
        requireOwner(area, caller);
        return area;
    }

    static void requireOwner(GrowingArea area, Caller caller) {
        if (!area.isOwnedBy(caller.accountId())) {
            throw notYours(area);
        }
    }

    void requireSellerReadable(UUID sellerId, Caller caller) {
        if (!caller.has(Roles.OFFICER) && !caller.has(Roles.ADMIN) && !sellerId.equals(caller.accountId())) {
            throw ProblemException.forbidden("growing_areas_not_yours",
                    "Only the seller, officers and admins list a seller''s growing areas");
        }
    }

    /** The officer's province must be the area's. */
    static void requireProvinceOfficer(GrowingArea area, Caller caller) {
        String province = caller.officerProvince().orElseThrow(() -> ProblemException.forbidden("officer_only",
                "Only an officer of the area''s province verifies a growing area"));
        if (!province.equals(area.provinceCode())) {
            throw ProblemException.forbidden("growing_area_other_province",
                    "Growing area {0} lies in province {1}; officers of province {2} cannot decide on it",
                    area.code(), area.provinceCode(), province);
        }
    }

    private GrowingArea find(UUID id) {
        return areas.findById(id).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("growing_area_not_found", "No growing area {0}", id);
    }

    private static ProblemException notYours(GrowingArea area) {
        return ProblemException.forbidden("growing_area_not_yours", "Growing area {0} is another seller''s", area.code());
    }
}
