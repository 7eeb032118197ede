package vn.ocop.payments.ledger;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The commission on an order's goods. Rates are in basis points (1 bp = 0.01%, 10000 = 100%): the seller's own rate if
 * an administrator set one, otherwise each line's rate by its product's OCOP group (payments' copy of catalog's
 * products), otherwise the configured default ({@code ocop.payments.commission.default-bps}, 500 = 5% unless set).
 * Shipping fees carry no commission.
 *
 * <p>Rounding: one rounding per order, half up to the whole dong, of the exact sum over lines of
 * {@code amount x rate / 10000}, scaled by {@code base / goods} when part of the goods was refunded before completion.
 * The seller's share is what is left after the commission (a subtraction), so the entry balances to the dong.
 */
@Singleton
public class Commission {

    /** 100% in basis points. */
    public static final int FULL = 10_000;

    private final Sql sql;
    private final int defaultBps;

    Commission(Sql sql, @Value("${ocop.payments.commission.default-bps:500}") int defaultBps) {
        if (defaultBps < 0 || defaultBps > FULL) {
            throw new IllegalStateException("ocop.payments.commission.default-bps must be 0..10000, not " + defaultBps);
        }
        this.sql = sql;
        this.defaultBps = defaultBps;
    }

    public int defaultBps() {
        return defaultBps;
    }

    /**
     * The commission on {@code baseVnd} of an order's goods, whose lines add up to the goods.
     *
     * @param baseVnd what the commission is taken on: the goods, less what was refunded of them
     */
    long of(UUID sellerId, List<LedgerOrder.Line> lines, long baseVnd) {
        if (baseVnd <= 0) {
            return 0;
        }
        Optional<Integer> sellerRate = sellerRate(sellerId);
        long goods = lines.stream().mapToLong(LedgerOrder.Line::amountVnd).sum();
        BigInteger weighted; // sum of amount x bps
        BigInteger denominator;
        if (goods <= 0) {
            weighted = BigInteger.valueOf(sellerRate.orElse(defaultBps));
            denominator = BigInteger.valueOf(FULL);
        } else {
            Map<UUID, Integer> rates = lineRates(lines, sellerRate);
            weighted = lines.stream()
                    .map(l -> BigInteger.valueOf(l.amountVnd()).multiply(BigInteger.valueOf(rates.get(l.productId()))))
                    .reduce(BigInteger.ZERO, BigInteger::add);
            denominator = BigInteger.valueOf(goods).multiply(BigInteger.valueOf(FULL));
        }
        BigInteger numerator = weighted.multiply(BigInteger.valueOf(baseVnd));
        // half up: floor((2n + d) / 2d)
        long commission = numerator.shiftLeft(1).add(denominator).divide(denominator.shiftLeft(1)).longValueExact();
        return Math.min(commission, baseVnd);
    }

    private Map<UUID, Integer> lineRates(List<LedgerOrder.Line> lines, Optional<Integer> sellerRate) {
        Map<UUID, Integer> rates = new HashMap<>();
        if (sellerRate.isPresent()) {
            lines.forEach(l -> rates.put(l.productId(), sellerRate.get()));
            return rates;
        }
        Map<String, Integer> groupRates = new HashMap<>();
        sql.list("SELECT ocop_group, rate_bps FROM commission_group_rates", rs -> groupRates.put(rs.getString(1), rs.getInt(2)));
        Map<UUID, String> groups = new HashMap<>();
        List<UUID> products = lines.stream().map(LedgerOrder.Line::productId).distinct().toList();
        if (!products.isEmpty()) {
            String marks = String.join(", ", products.stream().map(p -> "?").toList());
            sql.list("SELECT product_id, ocop_group FROM ledger_products WHERE product_id IN (" + marks + ")",
                    rs -> groups.put(Sql.uuid(rs, "product_id"), rs.getString("ocop_group")), products.toArray());
        }
        lines.forEach(l -> {
            String group = groups.get(l.productId());
            rates.put(l.productId(), group == null ? defaultBps : groupRates.getOrDefault(group, defaultBps));
        });
        return rates;
    }

    private Optional<Integer> sellerRate(UUID sellerId) {
        return sql.one("SELECT rate_bps FROM commission_seller_rates WHERE seller_id = ?", rs -> rs.getInt(1), sellerId);
    }
}
