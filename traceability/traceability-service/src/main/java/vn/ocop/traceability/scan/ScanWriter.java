package vn.ocop.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.sf.geographiclib.Geodesic;
import vn.ocop.platform.event.Ids;

/**
 * Writes a batch of scans and evaluates the counterfeit signals on it, in one transaction (all or nothing, so a
 * batch retried after a failure counts once): the scans in multi-row inserts; per code, the count and the places it
 * was scanned at, added to with {@code INSERT ... ON DUPLICATE KEY UPDATE}; then the rules, each writing at most one
 * signal per code and kind, updated in place (an idempotent upsert on {@code (kind, code_key)}):
 * <ul>
 *   <li>SERIAL_OVERSCANNED: a serial resolved more than {@code max-scans-per-serial} times in all;</li>
 *   <li>FAR_APART: a scan of a code at least {@code far-apart-km} from another place the code was scanned at within
 *       {@code far-apart-within} (the farthest pair is kept);</li>
 *   <li>NEVER_ISSUED: a code we never issued (unknown lot or serial, a GTIN not the lot's, malformed), counted.</li>
 * </ul>
 * Codes and places are written in key order, so that two instances writing at once cannot deadlock on them.
 *
 * <p>A signal raised for the first time is announced with {@code ScanFlagged} (see {@link ScanFlags}) in the same
 * transaction. Which rows the upsert inserted is read back by id rather than from its affected-rows count: each row
 * offered carries a fresh id that an update never writes, so the rows found with the ids offered are the ones this
 * statement inserted (a multi-row statement's count is a sum and cannot say which rows; and with the driver's default
 * found-rows count, an update that changes nothing counts 1, as an insert does). A signal inserted by another instance
 * committing first turns this instance's row into an update, so it is announced once.
 */
@Singleton
class ScanWriter {

    static final String OVERSCANNED = "SERIAL_OVERSCANNED";
    static final String FAR_APART = "FAR_APART";
    static final String NEVER_ISSUED = "NEVER_ISSUED";

    private static final int ROWS_PER_INSERT = 500;

    private final TransactionOperations<Connection> transactions;
    private final ScanSettings settings;
    private final ScanFlags flags;
    private final Clock clock;

    ScanWriter(TransactionOperations<Connection> transactions, ScanSettings settings, ScanFlags flags, Clock clock) {
        this.transactions = transactions;
        this.settings = settings;
        this.flags = flags;
        this.clock = clock;
    }

    /** Scans of one code in a batch. */
    private static final class Code {
        final Scan first;
        Instant from;
        Instant to;
        long count;

        Code(Scan scan) {
            this.first = scan;
            this.from = scan.at();
            this.to = scan.at();
        }

        void add(Scan scan) {
            count++;
            from = scan.at().isBefore(from) ? scan.at() : from;
            to = scan.at().isAfter(to) ? scan.at() : to;
        }
    }

    private record Place(String codeKey, BigDecimal latitude, BigDecimal longitude) {
    }

    private record SeenPlace(BigDecimal latitude, BigDecimal longitude, Instant firstAt, Instant lastAt) {
    }

    /** A signal to write. */
    private record Signal(String kind, Scan scan, long count, Instant firstSeen, Instant lastSeen, @Nullable BigDecimal km,
                          @Nullable SeenPlace a, @Nullable SeenPlace b) {
    }

    void write(List<Scan> batch) {
        if (batch.isEmpty()) {
            return;
        }
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                insertScans(connection, batch);
                Map<String, Code> issued = new TreeMap<>();
                Map<String, Code> neverIssued = new TreeMap<>();
                Map<Place, Code> places = new TreeMap<>(Comparator.comparing(Place::codeKey)
                        .thenComparing(Place::latitude).thenComparing(Place::longitude));
                for (Scan scan : batch) {
                    (scan.outcome().neverIssued() ? neverIssued : issued).computeIfAbsent(scan.codeKey(), k -> new Code(scan)).add(scan);
                    if (!scan.outcome().neverIssued() && scan.located() && (scan.serial() != null || settings.farApartLotCodes())) {
                        places.computeIfAbsent(new Place(scan.codeKey(), scan.latitude(), scan.longitude()), k -> new Code(scan)).add(scan);
                    }
                }
                List<Signal> signals = new ArrayList<>();
                if (!issued.isEmpty()) {
                    addCounts(connection, issued);
                    signals.addAll(overscanned(connection, issued));
                }
                if (!places.isEmpty()) {
                    addPlaces(connection, places);
                    signals.addAll(farApart(connection, batch, places.keySet()));
                }
                neverIssued.values().forEach(code -> signals.add(new Signal(NEVER_ISSUED, code.first, code.count, code.from,
                        code.to, null, null, null)));
                flags.announce(connection, upsertSignals(connection, signals));
            } catch (SQLException e) {
                throw new ScanLogException("cannot write " + batch.size() + " scans", e);
            }
            return null;
        });
    }

    private void insertScans(Connection connection, List<Scan> batch) throws SQLException {
        for (int start = 0; start < batch.size(); start += ROWS_PER_INSERT) {
            List<Scan> chunk = batch.subList(start, Math.min(batch.size(), start + ROWS_PER_INSERT));
            String sql = "INSERT INTO scans (scanned_at, code_key, outcome, lot_id, lot_code, serial, representation,"
                    + " latitude, longitude, user_agent) VALUES " + rows(chunk.size(), 10);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 1;
                for (Scan scan : chunk) {
                    insert.setTimestamp(i++, Timestamp.from(scan.at()));
                    insert.setString(i++, scan.codeKey());
                    insert.setString(i++, scan.outcome().name());
                    insert.setString(i++, scan.lotId() == null ? null : scan.lotId().toString());
                    insert.setString(i++, scan.lotCode());
                    insert.setString(i++, scan.serial());
                    insert.setString(i++, scan.representation());
                    insert.setBigDecimal(i++, scan.latitude());
                    insert.setBigDecimal(i++, scan.longitude());
                    insert.setString(i++, scan.userAgent());
                }
                insert.executeUpdate();
            }
        }
    }

    private void addCounts(Connection connection, Map<String, Code> codes) throws SQLException {
        String sql = "INSERT INTO scan_counts (code_key, scans, first_at, last_at) VALUES " + rows(codes.size(), 4)
                + " ON DUPLICATE KEY UPDATE scans = scans + VALUES(scans), first_at = LEAST(first_at, VALUES(first_at)),"
                + " last_at = GREATEST(last_at, VALUES(last_at))";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            int i = 1;
            for (Map.Entry<String, Code> code : codes.entrySet()) {
                upsert.setString(i++, code.getKey());
                upsert.setLong(i++, code.getValue().count);
                upsert.setTimestamp(i++, Timestamp.from(code.getValue().from));
                upsert.setTimestamp(i++, Timestamp.from(code.getValue().to));
            }
            upsert.executeUpdate();
        }
    }

    /** Serials of the batch now scanned more than the limit, with their counts. */
    private List<Signal> overscanned(Connection connection, Map<String, Code> codes) throws SQLException {
        List<String> serials = codes.entrySet().stream().filter(e -> e.getValue().first.serial() != null).map(Map.Entry::getKey).toList();
        if (serials.isEmpty()) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>();
        String sql = "SELECT code_key, scans, first_at, last_at FROM scan_counts WHERE scans > ? AND code_key IN ("
                + marks(serials.size()) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, settings.maxScansPerSerial());
            for (int i = 0; i < serials.size(); i++) {
                select.setString(i + 2, serials.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    signals.add(new Signal(OVERSCANNED, codes.get(rs.getString(1)).first, rs.getLong(2),
                            rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), null, null, null));
                }
            }
        }
        return signals;
    }

    private void addPlaces(Connection connection, Map<Place, Code> places) throws SQLException {
        String sql = "INSERT INTO scan_places (code_key, latitude, longitude, scans, first_at, last_at) VALUES "
                + rows(places.size(), 6) + " ON DUPLICATE KEY UPDATE scans = scans + VALUES(scans),"
                + " first_at = LEAST(first_at, VALUES(first_at)), last_at = GREATEST(last_at, VALUES(last_at))";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            int i = 1;
            for (Map.Entry<Place, Code> place : places.entrySet()) {
                upsert.setString(i++, place.getKey().codeKey());
                upsert.setBigDecimal(i++, place.getKey().latitude());
                upsert.setBigDecimal(i++, place.getKey().longitude());
                upsert.setLong(i++, place.getValue().count);
                upsert.setTimestamp(i++, Timestamp.from(place.getValue().from));
                upsert.setTimestamp(i++, Timestamp.from(place.getValue().to));
            }
            upsert.executeUpdate();
        }
    }

    /**
     * For each located scan of the batch, the other places its code was scanned at within the window (the place's
     * scans span a time within the window of the scan's), the farthest one at least {@code far-apart-km} away; per
     * code, the farthest pair found.
     */
    private List<Signal> farApart(Connection connection, List<Scan> batch, Collection<Place> batchPlaces) throws SQLException {
        List<String> keys = batchPlaces.stream().map(Place::codeKey).distinct().toList();
        Instant earliest = batch.stream().map(Scan::at).min(Comparator.naturalOrder()).orElseThrow();
        Map<String, List<SeenPlace>> seen = new HashMap<>();
        String sql = "SELECT code_key, latitude, longitude, first_at, last_at FROM scan_places WHERE last_at >= ?"
                + " AND code_key IN (" + marks(keys.size()) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setTimestamp(1, Timestamp.from(earliest.minus(settings.farApartWithin())));
            for (int i = 0; i < keys.size(); i++) {
                select.setString(i + 2, keys.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    seen.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SeenPlace(rs.getBigDecimal(2),
                            rs.getBigDecimal(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
                }
            }
        }
        Map<String, Signal> farthest = new TreeMap<>();
        for (Scan scan : batch) {
            if (scan.outcome().neverIssued() || !scan.located() || !seen.containsKey(scan.codeKey())) {
                continue;
            }
            Instant from = scan.at().minus(settings.farApartWithin());
            Instant to = scan.at().plus(settings.farApartWithin());
            SeenPlace here = new SeenPlace(scan.latitude(), scan.longitude(), scan.at(), scan.at());
            for (SeenPlace other : seen.get(scan.codeKey())) {
                if (other.lastAt().isBefore(from) || other.firstAt().isAfter(to)) {
                    continue;
                }
                double km = Geodesic.WGS84.Inverse(scan.latitude().doubleValue(), scan.longitude().doubleValue(),
                        other.latitude().doubleValue(), other.longitude().doubleValue()).s12 / 1000;
                Signal best = farthest.get(scan.codeKey());
                if (km >= settings.farApartKm() && (best == null || km > best.km().doubleValue())) {
                    Instant otherAt = other.lastAt().isAfter(to) ? other.firstAt() : other.lastAt();
                    SeenPlace there = new SeenPlace(other.latitude(), other.longitude(), otherAt, otherAt);
                    boolean thereFirst = otherAt.isBefore(scan.at());
                    farthest.put(scan.codeKey(), new Signal(FAR_APART, scan, 0, thereFirst ? otherAt : scan.at(),
                            thereFirst ? scan.at() : otherAt, BigDecimal.valueOf(km).setScale(1, RoundingMode.HALF_UP),
                            thereFirst ? there : here, thereFirst ? here : there));
                }
            }
        }
        if (farthest.isEmpty()) {
            return List.of();
        }
        Map<String, Long> totals = totals(connection, farthest.keySet());
        return farthest.values().stream().map(s -> new Signal(s.kind(), s.scan(), totals.getOrDefault(s.scan().codeKey(), 0L),
                s.firstSeen(), s.lastSeen(), s.km(), s.a(), s.b())).toList();
    }

    private Map<String, Long> totals(Connection connection, Collection<String> keys) throws SQLException {
        List<String> list = List.copyOf(keys);
        Map<String, Long> totals = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT code_key, scans FROM scan_counts WHERE code_key IN ("
                + marks(list.size()) + ")")) {
            for (int i = 0; i < list.size(); i++) {
                select.setString(i + 1, list.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return totals;
    }

    /**
     * One row per code and kind: counts of codes never issued add up; the others hold the code's total; the time span
     * widens; FAR_APART keeps the farthest pair of places (the places are assigned before the distance, which MariaDB
     * and MySQL update left to right). Returns the signals it inserted, i.e. raised for the first time.
     */
    private List<ScanFlags.Raised> upsertSignals(Connection connection, List<Signal> signals) throws SQLException {
        if (signals.isEmpty()) {
            return List.of();
        }
        List<Signal> ordered = signals.stream()
                .sorted(Comparator.comparing(Signal::kind).thenComparing(s -> s.scan().codeKey())).toList();
        String sql = "INSERT INTO scan_signals (id, kind, code_key, lot_id, lot_code, serial, seller_id, province_code,"
                + " scan_count, first_seen_at, last_seen_at, distance_km, place_a_lat, place_a_lon, place_a_at, place_b_lat,"
                + " place_b_lon, place_b_at, created_at, updated_at) VALUES " + rows(ordered.size(), 20)
                + " ON DUPLICATE KEY UPDATE"
                + " scan_count = IF(kind = '" + NEVER_ISSUED + "', scan_count + VALUES(scan_count),"
                + " GREATEST(scan_count, VALUES(scan_count))),"
                + " first_seen_at = LEAST(first_seen_at, VALUES(first_seen_at)),"
                + " last_seen_at = GREATEST(last_seen_at, VALUES(last_seen_at)),"
                + " place_a_lat = IF(VALUES(distance_km) > COALESCE(distance_km, -1), VALUES(place_a_lat), place_a_lat),"
                + " place_a_lon = IF(VALUES(distance_km) > COALESCE(distance_km, -1), VALUES(place_a_lon), place_a_lon),"
                + " place_a_at = IF(VALUES(distance_km) > COALESCE(distance_km, -1), VALUES(place_a_at), place_a_at),"
                + " place_b_lat = IF(VALUES(distance_km) > COALESCE(distance_km, -1), VALUES(place_b_lat), place_b_lat),"
                + " place_b_lon = IF(VALUES(distance_km) > COALESCE(distance_km, -1), VALUES(place_b_lon), place_b_lon),"
                + " place_b_at = IF(VALUES(distance_km) > COALESCE(distance_km, -1), VALUES(place_b_at), place_b_at),"
                + " distance_km = IF(VALUES(distance_km) > COALESCE(distance_km, -1), VALUES(distance_km), distance_km),"
                + " updated_at = VALUES(updated_at)";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, Signal> offered = new LinkedHashMap<>();
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            int i = 1;
            for (Signal signal : ordered) {
                Scan scan = signal.scan();
                UUID id = Ids.newId();
                offered.put(id, signal);
                upsert.setString(i++, id.toString());
                upsert.setString(i++, signal.kind());
                upsert.setString(i++, scan.codeKey());
                upsert.setString(i++, scan.lotId() == null ? null : scan.lotId().toString());
                upsert.setString(i++, scan.lotCode());
                upsert.setString(i++, scan.serial());
                upsert.setString(i++, scan.sellerId() == null ? null : scan.sellerId().toString());
                upsert.setString(i++, scan.provinceCode());
                upsert.setLong(i++, signal.count());
                upsert.setTimestamp(i++, Timestamp.from(signal.firstSeen()));
                upsert.setTimestamp(i++, Timestamp.from(signal.lastSeen()));
                upsert.setBigDecimal(i++, signal.km());
                i = place(upsert, i, signal.a());
                i = place(upsert, i, signal.b());
                upsert.setTimestamp(i++, Timestamp.from(now));
                upsert.setTimestamp(i++, Timestamp.from(now));
            }
            upsert.executeUpdate();
        }
        Set<UUID> inserted = stored(connection, offered.keySet());
        return offered.entrySet().stream().filter(e -> inserted.contains(e.getKey()))
                .map(e -> new ScanFlags.Raised(e.getKey(), e.getValue().kind(), e.getValue().scan(), now)).toList();
    }

    /** Which of these signal ids are stored: those of the rows the upsert inserted (an update keeps the row's id). */
    private static Set<UUID> stored(Connection connection, Collection<UUID> ids) throws SQLException {
        List<UUID> list = List.copyOf(ids);
        Set<UUID> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM scan_signals WHERE id IN ("
                + marks(list.size()) + ")")) {
            for (int i = 0; i < list.size(); i++) {
                select.setString(i + 1, list.get(i).toString());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(UUID.fromString(rs.getString(1)));
                }
            }
        }
        return found;
    }

    private static int place(PreparedStatement statement, int index, @Nullable SeenPlace place) throws SQLException {
        if (place == null) {
            statement.setNull(index, Types.DECIMAL);
            statement.setNull(index + 1, Types.DECIMAL);
            statement.setNull(index + 2, Types.TIMESTAMP);
        } else {
            statement.setBigDecimal(index, place.latitude());
            statement.setBigDecimal(index + 1, place.longitude());
            statement.setTimestamp(index + 2, Timestamp.from(place.lastAt()));
        }
        return index + 3;
    }

    private static String rows(int count, int columns) {
        String row = "(" + marks(columns) + ")";
        return String.join(",", java.util.Collections.nCopies(count, row));
    }

    private static String marks(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }
}
