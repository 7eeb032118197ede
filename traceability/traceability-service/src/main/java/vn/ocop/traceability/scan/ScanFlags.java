package vn.ocop.traceability.scan;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.traceability.api.ScanFlagged;

/**
 * Announces the counterfeit signals {@link ScanWriter} raised for the first time, one {@link ScanFlagged} each, through
 * the outbox in the writer's transaction (so a batch rolled back and retried announces nothing twice). The lot's
 * product is read from the lots; the rest is what the signal's row holds.
 */
@Singleton
class ScanFlags {

    private final Outbox outbox;

    ScanFlags(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * A signal just inserted.
     *
     * @param signalId its id
     * @param kind     SERIAL_OVERSCANNED, FAR_APART or NEVER_ISSUED
     * @param scan     the scan it was raised on (code, lot, seller, province)
     * @param at       when it was raised (its {@code created_at})
     */
    record Raised(UUID signalId, String kind, Scan scan, Instant at) {
    }

    /** Publishes one {@link ScanFlagged} per signal, inside the transaction {@code connection} belongs to. */
    void announce(Connection connection, List<Raised> raised) throws SQLException {
        if (raised.isEmpty()) {
            return;
        }
        Map<UUID, UUID> products = productsOf(connection, raised.stream().map(r -> r.scan().lotId())
                .filter(Objects::nonNull).distinct().toList());
        for (Raised signal : raised) {
            Scan scan = signal.scan();
            outbox.publish(ScanFlagged.TYPE, ScanFlagged.VERSION, signal.signalId().toString(), new ScanFlagged(
                    signal.signalId(), signal.kind(), scan.codeKey(), scan.lotId(), scan.lotCode(),
                    scan.lotId() == null ? null : products.get(scan.lotId()), scan.sellerId(), scan.provinceCode(),
                    signal.at()));
        }
    }

    /** The products of these lots, by lot. */
    private static Map<UUID, UUID> productsOf(Connection connection, List<UUID> lotIds) throws SQLException {
        Map<UUID, UUID> products = new HashMap<>();
        if (lotIds.isEmpty()) {
            return products;
        }
        String sql = "SELECT id, product_id FROM lots WHERE id IN (" + String.join(",", Collections.nCopies(lotIds.size(), "?")) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < lotIds.size(); i++) {
                select.setString(i + 1, lotIds.get(i).toString());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    products.put(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)));
                }
            }
        }
        return products;
    }
}
