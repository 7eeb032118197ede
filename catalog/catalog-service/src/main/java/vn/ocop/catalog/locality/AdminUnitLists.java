package vn.ocop.catalog.locality;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.ocop.platform.text.SearchKeys;

/**
 * The official lists of administrative units as shipped in {@code admin-units/}: the communes in force since
 * 1 July 2025 with their predecessors, and the three-tier list in force before. Read with a CSV parser, since quoted
 * names contain line breaks; names have their stray whitespace collapsed.
 *
 * @param checksum SHA-256 over both files, to tell whether the database holds this version
 */
record AdminUnitLists(List<Province> provinces, List<Commune> communes, List<LegacyDistrict> legacyDistricts,
                      List<LegacyCommune> legacyCommunes, List<CommunePredecessor> predecessors, String checksum) {

    static final String CURRENT = "admin-units/communes-2025-07-with-predecessors.csv";
    static final String BEFORE_2025 = "admin-units/communes-before-2025-07.csv";

    /** "Thành phố Hà Nội (01)" or "Huyện Mỹ Xuyên (947)": a name with its code in brackets. */
    private static final Pattern NAME_AND_CODE = Pattern.compile("(.+?)\\s*\\((\\d+)\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    int rowCount() {
        return provinces.size() + communes.size() + legacyDistricts.size() + legacyCommunes.size() + predecessors.size();
    }

    /** Reads both lists from the class path. */
    static AdminUnitLists load(ClassLoader classLoader) {
        MessageDigest sha256 = sha256();
        Map<String, Province> provinces = new LinkedHashMap<>();
        Map<String, Commune> communes = new LinkedHashMap<>();
        Map<String, LegacyDistrict> districts = new LinkedHashMap<>();
        Map<String, LegacyCommune> legacyCommunes = new LinkedHashMap<>();
        Map<CommunePredecessor.Key, CommunePredecessor> predecessors = new LinkedHashMap<>();

        read(classLoader, BEFORE_2025, sha256, row -> {
            String districtCode = row.get(3).strip();
            districts.putIfAbsent(districtCode, new LegacyDistrict(districtCode, row.get(1).strip(), clean(row.get(2)),
                    clean(row.get(0))));
            String communeCode = row.get(5).strip();
            if (!communeCode.isEmpty()) { // a few districts (e.g. Côn Đảo) have no communes
                legacyCommunes.put(communeCode, new LegacyCommune(communeCode, districtCode, clean(row.get(4))));
            }
        }, 1);
        read(classLoader, CURRENT, sha256, row -> {
            String communeName = clean(row.get(1));
            if (communeName.isEmpty()) {
                return; // a province banner between the blocks
            }
            Matcher province = nameAndCode(row.get(0));
            String provinceCode = province.group(2);
            provinces.putIfAbsent(provinceCode, new Province(provinceCode, clean(province.group(1)),
                    SearchKeys.fold(province.group(1))));
            String communeCode = row.get(2).strip();
            communes.putIfAbsent(communeCode, new Commune(communeCode, provinceCode, communeName, SearchKeys.fold(communeName)));
            String legacyCode = row.get(4).strip();
            if (legacyCode.isEmpty()) {
                return; // formed from an area without a commune code, e.g. a former island district
            }
            Matcher district = nameAndCode(row.get(6));
            Matcher legacyProvince = nameAndCode(row.get(7));
            districts.putIfAbsent(district.group(2), new LegacyDistrict(district.group(2), legacyProvince.group(2),
                    clean(district.group(1)), clean(legacyProvince.group(1))));
            legacyCommunes.putIfAbsent(legacyCode, new LegacyCommune(legacyCode, district.group(2), clean(row.get(3))));
            String note = clean(row.get(5));
            var key = new CommunePredecessor.Key(communeCode, legacyCode);
            predecessors.merge(key, new CommunePredecessor(key, isWhole(note), note),
                    (a, b) -> new CommunePredecessor(key, a.whole() && b.whole(), a.note()));
        }, 2);
        return new AdminUnitLists(List.copyOf(provinces.values()), List.copyOf(communes.values()),
                List.copyOf(districts.values()), List.copyOf(legacyCommunes.values()), List.copyOf(predecessors.values()),
                HexFormat.of().formatHex(sha256.digest()));
    }

    /** "Nhập một phần", "Nhập một phần diện tích": part of the former commune went elsewhere too. */
    static boolean isWhole(String note) {
        return !SPACES.matcher(SearchKeys.fold(note)).replaceAll(" ").contains("mot phan");
    }

    private static void read(ClassLoader classLoader, String resource, MessageDigest digest, Consumer<CSVRecord> rows,
                             int headerRows) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the administrative units list " + resource + " is missing from the build");
            }
            try (Reader reader = new InputStreamReader(new DigestInputStream(in, digest), StandardCharsets.UTF_8)) {
                long skipped = 0;
                for (CSVRecord row : CSVFormat.RFC4180.parse(reader)) {
                    if (skipped++ >= headerRows) {
                        rows.accept(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Matcher nameAndCode(String text) {
        Matcher matcher = NAME_AND_CODE.matcher(clean(text));
        if (!matcher.matches()) {
            throw new IllegalStateException("expected a name with its code in brackets, got '" + text + "'");
        }
        return matcher;
    }

    private static String clean(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
