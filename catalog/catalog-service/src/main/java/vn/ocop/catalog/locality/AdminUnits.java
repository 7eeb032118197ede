package vn.ocop.catalog.locality;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.platform.problem.ProblemException;

/**
 * The administrative units, held in memory for validating addresses and mapping former units to current ones (the
 * same lists are in the database for reports). Built once from the lists shipped with the service.
 */
@Singleton
public class AdminUnits {

    private final AdminUnitLists lists;
    private final Map<String, Province> provinces;
    private final Map<String, Commune> communes;
    private final Map<String, List<Commune>> communesByProvince;
    private final Map<String, LegacyDistrict> legacyDistricts;
    private final Map<String, LegacyCommune> legacyCommunes;
    private final Map<String, List<LegacyCommune>> legacyCommunesByDistrict;
    private final Map<String, List<CommunePredecessor>> predecessorsByCommune;
    private final Map<String, List<CommunePredecessor>> successorsByLegacyCommune;
    private final Map<String, Set<String>> currentProvincesByLegacyDistrict;

    AdminUnits() {
        this(AdminUnitLists.load(AdminUnits.class.getClassLoader()));
    }

    AdminUnits(AdminUnitLists lists) {
        this.lists = lists;
        this.provinces = byKey(lists.provinces(), Province::code);
        this.communes = byKey(lists.communes(), Commune::code);
        this.communesByProvince = lists.communes().stream()
                .sorted(Comparator.comparing(Commune::searchKey))
                .collect(Collectors.groupingBy(Commune::provinceCode));
        this.legacyDistricts = byKey(lists.legacyDistricts(), LegacyDistrict::code);
        this.legacyCommunes = byKey(lists.legacyCommunes(), LegacyCommune::code);
        this.legacyCommunesByDistrict = lists.legacyCommunes().stream()
                .collect(Collectors.groupingBy(LegacyCommune::districtCode));
        this.predecessorsByCommune = lists.predecessors().stream()
                .collect(Collectors.groupingBy(p -> p.key().communeCode()));
        this.successorsByLegacyCommune = lists.predecessors().stream()
                .collect(Collectors.groupingBy(p -> p.key().legacyCommuneCode()));
        this.currentProvincesByLegacyDistrict = lists.legacyCommunes().stream()
                .collect(Collectors.groupingBy(LegacyCommune::districtCode, Collectors.flatMapping(
                        c -> successors(c.code()).stream().map(p -> communes.get(p.key().communeCode()).provinceCode()),
                        Collectors.toSet())));
    }

    AdminUnitLists lists() {
        return lists;
    }

    public List<Province> provinces() {
        return lists.provinces();
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(code == null ? null : provinces.get(code));
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(code == null ? null : communes.get(code));
    }

    /** A province's communes, by name. */
    public List<Commune> communes(String provinceCode) {
        return communesByProvince.getOrDefault(provinceCode, List.of());
    }

    public Optional<LegacyDistrict> legacyDistrict(String code) {
        return Optional.ofNullable(code == null ? null : legacyDistricts.get(code));
    }

    /** The former districts of a former province (e.g. Sóc Trăng, 94). */
    public List<LegacyDistrict> legacyDistricts(String legacyProvinceCode) {
        return lists.legacyDistricts().stream().filter(d -> d.provinceCode().equals(legacyProvinceCode)).toList();
    }

    public Optional<LegacyCommune> legacyCommune(String code) {
        return Optional.ofNullable(code == null ? null : legacyCommunes.get(code));
    }

    public List<LegacyCommune> legacyCommunes(String districtCode) {
        return legacyCommunesByDistrict.getOrDefault(districtCode, List.of());
    }

    /** The former communes a current commune was formed from. */
    public List<CommunePredecessor> predecessors(String communeCode) {
        return predecessorsByCommune.getOrDefault(communeCode, List.of());
    }

    /** The current communes a former commune went into: one if merged whole, several if split. */
    public List<CommunePredecessor> successors(String legacyCommuneCode) {
        return successorsByLegacyCommune.getOrDefault(legacyCommuneCode, List.of());
    }

    /** The current communes that hold some part of a former district. */
    public List<Commune> successorsOfDistrict(String legacyDistrictCode) {
        return legacyCommunes(legacyDistrictCode).stream()
                .flatMap(c -> successors(c.code()).stream())
                .map(p -> communes.get(p.key().communeCode()))
                .distinct()
                .sorted(Comparator.comparing(Commune::searchKey))
                .toList();
    }

    /**
     * Checks that a province and commune exist and that the commune lies in the province; {@code field} prefixes the
     * field names in the error (e.g. "address.").
     */
    public Commune requireCommune(String field, String provinceCode, String communeCode) {
        if (!provinces.containsKey(provinceCode)) {
            throw ProblemException.invalidField(field + "provinceCode", "is not a province code in force since 1 July 2025");
        }
        Commune commune = communes.get(communeCode);
        if (commune == null) {
            throw ProblemException.invalidField(field + "communeCode", "is not a commune code in force since 1 July 2025");
        }
        if (!commune.provinceCode().equals(provinceCode)) {
            throw ProblemException.invalidField(field + "communeCode", "is not a commune of province " + provinceCode);
        }
        return commune;
    }

    /**
     * Checks a former district given on a record issued before the reform: it must exist, and, when a current province
     * is given, part of it must lie in that province today.
     */
    public LegacyDistrict requireLegacyDistrict(String field, String districtCode, @Nullable String currentProvinceCode) {
        LegacyDistrict district = legacyDistricts.get(districtCode);
        if (district == null) {
            throw ProblemException.invalidField(field, "is not a district code in force before 1 July 2025");
        }
        if (currentProvinceCode != null
                && !currentProvincesByLegacyDistrict.getOrDefault(districtCode, Set.of()).contains(currentProvinceCode)) {
            throw ProblemException.invalidField(field, "was not part of what is now province " + currentProvinceCode);
        }
        return district;
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }
}
