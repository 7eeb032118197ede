package vn.ocop.payments.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.catalog.api.ProductPublished;
import vn.ocop.platform.problem.ProblemException;

/**
 * Administrators' commission settings: a rate per OCOP group, and a rate of a seller's own that wins over its groups'.
 * A rate is in basis points, 0 to 10000 (100%); anything else, or a group that is not one of the six, is refused and
 * changes nothing. Orders completed afterwards take the new rates; completed orders keep theirs.
 */
@Singleton
class CommissionRates {

    private final Sql sql;
    private final Commission commission;
    private final Clock clock;

    CommissionRates(Sql sql, Commission commission, Clock clock) {
        this.sql = sql;
        this.commission = commission;
        this.clock = clock;
    }

    /**
     * The rates in force.
     *
     * @param defaultBps the configured default, for groups without a rate of their own
     * @param groups     each of the six OCOP groups with the rate its products take
     * @param groupsSet  the groups whose rate an administrator set
     */
    @Serdeable
    record Rates(int defaultBps, Map<String, Integer> groups, Map<String, Integer> groupsSet) {
    }

    /** A seller's rate: its own if set ({@code own} true), otherwise null (its products' group rates apply). */
    @Serdeable
    record SellerRate(UUID sellerId, @Nullable Integer rateBps, boolean own) {
    }

    @Transactional(readOnly = true)
    Rates rates() {
        Map<String, Integer> set = new LinkedHashMap<>();
        sql.list("SELECT ocop_group, rate_bps FROM commission_group_rates", rs -> set.put(rs.getString(1), rs.getInt(2)));
        Map<String, Integer> groups = new LinkedHashMap<>();
        ProductPublished.OCOP_GROUPS.forEach(g -> groups.put(g, set.getOrDefault(g, commission.defaultBps())));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        ProductPublished.OCOP_GROUPS.stream().filter(set::containsKey).forEach(g -> ordered.put(g, set.get(g)));
        return new Rates(commission.defaultBps(), groups, ordered);
    }

    @Transactional
    Rates setGroup(String group, int rateBps, UUID admin) {
        String known = requireGroup(group);
        requireRate(rateBps);
        sql.update("INSERT INTO commission_group_rates (ocop_group, rate_bps, updated_by, updated_at) VALUES (?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE rate_bps = VALUES(rate_bps), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)",
                known, rateBps, admin, clock.instant());
        return rates();
    }

    @Transactional
    Rates clearGroup(String group) {
        sql.update("DELETE FROM commission_group_rates WHERE ocop_group = ?", requireGroup(group));
        return rates();
    }

    @Transactional(readOnly = true)
    SellerRate seller(UUID sellerId) {
        Optional<Integer> own = sql.one("SELECT rate_bps FROM commission_seller_rates WHERE seller_id = ?", rs -> rs.getInt(1),
                sellerId);
        return new SellerRate(sellerId, own.orElse(null), own.isPresent());
    }

    @Transactional
    SellerRate setSeller(UUID sellerId, int rateBps, UUID admin) {
        requireRate(rateBps);
        sql.update("INSERT INTO commission_seller_rates (seller_id, rate_bps, updated_by, updated_at) VALUES (?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE rate_bps = VALUES(rate_bps), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)",
                sellerId, rateBps, admin, clock.instant());
        return seller(sellerId);
    }

    @Transactional
    SellerRate clearSeller(UUID sellerId) {
        sql.update("DELETE FROM commission_seller_rates WHERE seller_id = ?", sellerId);
        return seller(sellerId);
    }

    private static String requireGroup(String group) {
        if (group == null || !ProductPublished.OCOP_GROUPS.contains(group)) {
            throw ProblemException.notFound("unknown_ocop_group", "No OCOP group {0}: the groups are {1}", group,
                    String.join(", ", ProductPublished.OCOP_GROUPS));
        }
        return group;
    }

    private static void requireRate(int rateBps) {
        if (rateBps < 0 || rateBps > Commission.FULL) {
            throw ProblemException.invalidField("rateBps", "must be 0 to 10000 basis points (0% to 100%)");
        }
    }
}
