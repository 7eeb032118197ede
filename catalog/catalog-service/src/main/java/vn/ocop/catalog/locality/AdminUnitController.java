package vn.ocop.catalog.locality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.text.SearchKeys;

/**
 * The official administrative units, for address forms and for reading records issued before the July 2025 reform:
 * current provinces and communes, and what became of a former commune or district.
 */
@Controller("/api/v1/admin-units")
@Secured(SecurityRule.IS_ANONYMOUS)
class AdminUnitController {

    private final AdminUnits units;

    AdminUnitController(AdminUnits units) {
        this.units = units;
    }

    @Serdeable
    record Unit(String code, String name) {
    }

    @Serdeable
    record CommuneView(String code, String name, Unit province, List<PredecessorView> predecessors) {
    }

    @Serdeable
    record PredecessorView(String code, String name, Unit district, Unit province, boolean whole, String note) {
    }

    @Serdeable
    record LegacyCommuneView(String code, String name, Unit district, Unit province, List<SuccessorView> successors) {
    }

    @Serdeable
    record SuccessorView(String code, String name, Unit province, boolean whole, String note) {
    }

    @Serdeable
    record LegacyDistrictView(String code, String name, Unit province, List<Unit> communes,
                              List<CurrentCommune> currentCommunes) {
    }

    @Serdeable
    record CurrentCommune(String code, String name, Unit province) {
    }

    @Get("/provinces")
    List<Unit> provinces() {
        return units.provinces().stream().map(p -> new Unit(p.code(), p.name())).toList();
    }

    /** A province's communes by name; {@code q} narrows them by name, without accents ("my xuyen"). */
    @Get("/provinces/{code}/communes")
    List<Unit> communes(@PathVariable String code, @QueryValue @Nullable @Size(max = 100) String q) {
        Province province = units.province(code).orElseThrow(() -> notFound("province", code));
        String key = SearchKeys.fold(q);
        return units.communes(province.code()).stream()
                .filter(c -> c.searchKey().contains(key))
                .map(c -> new Unit(c.code(), c.name()))
                .toList();
    }

    @Get("/communes/{code}")
    CommuneView commune(@PathVariable @Pattern(regexp = "\\d{5}") String code) {
        Commune commune = units.commune(code).orElseThrow(() -> notFound("commune", code));
        return new CommuneView(commune.code(), commune.name(), province(commune.provinceCode()),
                units.predecessors(code).stream().map(this::predecessor).toList());
    }

    /** A former commune and the current commune(s) it went into. */
    @Get("/legacy-communes/{code}")
    LegacyCommuneView legacyCommune(@PathVariable @Pattern(regexp = "\\d{5}") String code) {
        LegacyCommune commune = units.legacyCommune(code).orElseThrow(() -> notFound("former commune", code));
        LegacyDistrict district = units.legacyDistrict(commune.districtCode()).orElseThrow();
        return new LegacyCommuneView(commune.code(), commune.name(), new Unit(district.code(), district.name()),
                new Unit(district.provinceCode(), district.provinceName()),
                units.successors(code).stream().map(this::successor).toList());
    }

    /** The former districts of a former province, e.g. {@code ?province=94} for Sóc Trăng. */
    @Get("/legacy-districts")
    List<Unit> legacyDistricts(@QueryValue @Pattern(regexp = "\\d{2}") String province) {
        return units.legacyDistricts(province).stream().map(d -> new Unit(d.code(), d.name())).toList();
    }

    /** A former district, its communes then, and every current commune that holds part of it. */
    @Get("/legacy-districts/{code}")
    LegacyDistrictView legacyDistrict(@PathVariable @Pattern(regexp = "\\d{3}") String code) {
        LegacyDistrict district = units.legacyDistrict(code).orElseThrow(() -> notFound("former district", code));
        return new LegacyDistrictView(district.code(), district.name(), new Unit(district.provinceCode(), district.provinceName()),
                units.legacyCommunes(code).stream().map(c -> new Unit(c.code(), c.name())).toList(),
                units.successorsOfDistrict(code).stream()
                        .map(c -> new CurrentCommune(c.code(), c.name(), province(c.provinceCode())))
                        .toList());
    }

    private PredecessorView predecessor(CommunePredecessor p) {
        LegacyCommune former = units.legacyCommune(p.key().legacyCommuneCode()).orElseThrow();
        LegacyDistrict district = units.legacyDistrict(former.districtCode()).orElseThrow();
        return new PredecessorView(former.code(), former.name(), new Unit(district.code(), district.name()),
                new Unit(district.provinceCode(), district.provinceName()), p.whole(), p.note());
    }

    private SuccessorView successor(CommunePredecessor p) {
        Commune commune = units.commune(p.key().communeCode()).orElseThrow();
        return new SuccessorView(commune.code(), commune.name(), province(commune.provinceCode()), p.whole(), p.note());
    }

    private Unit province(String code) {
        return units.province(code).map(p -> new Unit(p.code(), p.name())).orElseThrow();
    }

    private static ProblemException notFound(String what, String code) {
        return ProblemException.notFound("admin_unit_not_found", "No {0} {1}", what, code);
    }
}
