package vn.ocop.traceability.area;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.traceability.locality.Commune;
import vn.ocop.traceability.locality.Communes;

/** Sellers declare growing areas and add certificates; officers of the province verify or reject them. */
@Singleton
class GrowingAreas {

    private final AreaRepositories.Areas areas;
    private final AreaRepositories.Households households;
    private final AreaRepositories.Certificates certificates;
    private final AreaAccess access;
    private final Boundaries boundaries;
    private final Communes communes;
    private final GrowingAreaSettings settings;
    private final Clock clock;

    GrowingAreas(AreaRepositories.Areas areas, AreaRepositories.Households households,
                 AreaRepositories.Certificates certificates, AreaAccess access, Boundaries boundaries, Communes communes,
                 GrowingAreaSettings settings, Clock clock) {
        this.areas = areas;
        this.households = households;
        this.certificates = certificates;
        this.access = access;
        this.boundaries = boundaries;
        this.communes = communes;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    GrowingArea register(UUID sellerId, AreaRequests.Register request) {
        Boundary boundary = boundaries.read(request.boundary());
        Commune commune = communes.require(request.communeCode(), "communeCode");
        if (areas.existsByCode(request.code())) {
            throw codeTaken(request.code());
        }
        GrowingArea area = new GrowingArea(Ids.newId(), request.code(), sellerId, request.crop().strip(),
                request.declaredAreaHa(), boundary.areaHa(), mismatch(request.declaredAreaHa(), boundary.areaHa()),
                commune.code(), commune.provinceCode(), request.legacyCommuneCode(), boundary.geoJson(),
                GrowingAreaStatus.UNVERIFIED, null, null, null, clock.instant());
        insert(area);
        saveHouseholds(area.id(), request.representative(), request.members());
        if (request.certificates() != null) {
            for (AreaRequests.CertificatePart certificate : request.certificates()) {
                addCertificate(area, certificate);
            }
        }
        return area;
    }

    /**
     * Its seller corrects an area not verified yet, or rejected (which then awaits verification again): everything is
     * checked as on declaration, the households are replaced; certificates, diary and linked lots stay.
     */
    @Transactional
    GrowingArea redeclare(UUID areaId, Caller caller, AreaRequests.Redeclare request) {
        GrowingArea area = areas.findByIdForUpdate(areaId).orElseThrow(() -> AreaAccess.notFound(areaId));
        AreaAccess.requireOwner(area, caller);
        Boundary boundary = boundaries.read(request.boundary());
        Commune commune = communes.require(request.communeCode(), "communeCode");
        if (areas.existsByCodeAndIdNotEqual(request.code(), area.id())) {
            throw codeTaken(request.code());
        }
        GrowingArea changed = area.redeclared(request.code(), request.crop().strip(), request.declaredAreaHa(),
                boundary.areaHa(), mismatch(request.declaredAreaHa(), boundary.areaHa()), commune.code(),
                commune.provinceCode(), request.legacyCommuneCode(), boundary.geoJson());
        try {
            areas.update(changed);
        } catch (DataAccessException e) {
            throw duplicateCodeOr(e, changed.code());
        }
        households.deleteOfArea(area.id());
        saveHouseholds(area.id(), request.representative(), request.members());
        return changed;
    }

    @Transactional
    AreaCertificate addCertificate(UUID areaId, Caller caller, AreaRequests.CertificatePart request) {
        return addCertificate(access.managed(areaId, caller), request);
    }

    /** An officer of the area's province verifies or rejects it (a rejection needs a reason). */
    @Transactional
    GrowingArea decide(UUID areaId, Caller caller, AreaRequests.Verification request) {
        GrowingArea area = areas.findByIdForUpdate(areaId).orElseThrow(() -> AreaAccess.notFound(areaId));
        AreaAccess.requireProvinceOfficer(area, caller);
        GrowingArea decided = switch (request.decision()) {
            case VERIFIED -> area.verified(caller.accountId(), clock.instant());
            case REJECTED -> {
                if (request.reason() == null || request.reason().isBlank()) {
                    throw ProblemException.invalidField("reason", "is required to reject a growing area");
                }
                yield area.rejected(caller.accountId(), request.reason().strip(), clock.instant());
            }
        };
        return areas.update(decided);
    }

    /** Whether the declared and computed areas differ by more than the tolerance (a fraction of the declared area). */
    boolean mismatch(BigDecimal declared, BigDecimal computed) {
        return computed.subtract(declared).abs().compareTo(declared.multiply(settings.areaTolerance())) > 0;
    }

    private AreaCertificate addCertificate(GrowingArea area, AreaRequests.CertificatePart request) {
        String number = request.number().strip();
        if (certificates.existsByAreaIdAndSchemeAndNumber(area.id(), request.scheme(), number)) {
            throw ProblemException.conflict("certificate_exists", "Growing area {0} already has {1} certificate {2}",
                    area.code(), request.scheme(), number);
        }
        return certificates.save(new AreaCertificate(Ids.newId(), area.id(), request.scheme(), number,
                request.issuer().strip(), request.validUntil(), clock.instant()));
    }

    private void saveHouseholds(UUID areaId, AreaRequests.HouseholdPart representative,
                                List<AreaRequests.HouseholdPart> members) {
        List<Household> all = new ArrayList<>();
        all.add(household(areaId, 0, representative, true));
        List<AreaRequests.HouseholdPart> others = members == null ? List.of() : members;
        for (int i = 0; i < others.size(); i++) {
            all.add(household(areaId, i + 1, others.get(i), false));
        }
        households.saveAll(all);
    }

    private static Household household(UUID areaId, int position, AreaRequests.HouseholdPart part, boolean representative) {
        return new Household(new Household.Key(areaId, position), part.name().strip(), part.phone(), representative);
    }

    /** Inserts the area; a concurrent declaration of the same code, caught by the unique key, is the same conflict. */
    private void insert(GrowingArea area) {
        try {
            areas.save(area);
        } catch (DataAccessException e) {
            throw duplicateCodeOr(e, area.code());
        }
    }

    /** The code conflict when the unique key on codes refused the write, else the error itself. */
    private static RuntimeException duplicateCodeOr(DataAccessException e, String code) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException
                    && String.valueOf(cause.getMessage()).contains("uk_growing_areas_code")) {
                return codeTaken(code);
            }
        }
        return e;
    }

    private static ProblemException codeTaken(String code) {
        return ProblemException.conflict("growing_area_code_taken", "Growing area code {0} is already registered", code);
    }
}
