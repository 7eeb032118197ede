package vn.ocop.catalog.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.ocop.catalog.Sql;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.catalog.locality.Commune;
import vn.ocop.catalog.locality.Province;
import vn.ocop.catalog.registry.OcopGroup;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.time.VietnamTime;

/**
 * Searches the {@code listings} index on MariaDB/MySQL alone: InnoDB full-text matching for the words, indexed
 * columns for filters and orders, keyset pages. Two statements per search whatever the page size, on one connection
 * and outside any transaction: the page, and one grouped count from which every facet is summed.
 */
@Singleton
class ProductSearch {

    /** Relevance: a word in the name counts three times a word elsewhere (seller, category, place). */
    private static final String SCORE = "CAST(MATCH(name_text) AGAINST (? IN BOOLEAN MODE) * 3 "
            + "+ MATCH(search_text) AGAINST (? IN BOOLEAN MODE) AS DECIMAL(16, 6))";
    private static final String COLUMNS = "product_id, seller_id, name, seller_name, image_url, ocop_group, "
            + "CASE WHEN stars_until >= ? THEN stars END AS valid_stars, province_code, commune_code, min_price, max_price, "
            + "in_stock, sold, published_at";

    @Serdeable
    record Hit(UUID productId, String name, UUID sellerId, String sellerName, @Nullable String imageUrl, OcopGroup ocopGroup,
               String ocopGroupLabel, @Nullable Integer stars, long priceFromVnd, long priceToVnd, boolean inStock, int sold,
               String provinceCode, @Nullable String provinceName, String communeCode, @Nullable String communeName,
               Instant publishedAt) {
    }

    @Serdeable
    record Count(String value, @Nullable String label, long count) {
    }

    @Serdeable
    record Facets(List<Count> groups, List<Count> stars, List<Count> provinces, long inStock) {
    }

    @Serdeable
    record Result(List<Hit> items, @Nullable String nextCursor, long total, Facets facets) {
    }

    private final ConnectionOperations<Connection> connections;
    private final AdminUnits units;
    private final Clock clock;

    ProductSearch(ConnectionOperations<Connection> connections, AdminUnits units, Clock clock) {
        this.connections = connections;
        this.units = units;
        this.clock = clock;
    }

    Result search(SearchQuery query) {
        String words = query.q() == null ? "" : SearchText.query(query.q());
        SearchQuery.Sort sort = query.sort() == SearchQuery.Sort.RELEVANCE && words.isEmpty() ? SearchQuery.Sort.NEWEST
                : query.sort();
        Cursor after = query.cursor() == null ? null : Cursor.parse(query.cursor(), sort);
        LocalDate today = VietnamTime.today(clock);
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            Connection connection = status.getConnection();
            List<Row> rows;
            Facets facets;
            try {
                rows = page(connection, query, words, sort, after, today);
                facets = facets(connection, query, words, today);
            } catch (SQLException e) {
                throw new DataAccessException("searching the listings failed", e);
            }
            boolean more = rows.size() > query.limit();
            List<Row> shown = more ? rows.subList(0, query.limit()) : rows;
            String next = more ? shown.getLast().cursor(sort) : null;
            long total = facets.groups().stream().mapToLong(Count::count).sum();
            return new Result(shown.stream().map(Row::hit).toList(), next, total, facets);
        });
    }

    private List<Row> page(Connection connection, SearchQuery query, String words, SearchQuery.Sort sort, @Nullable Cursor after,
                           LocalDate today) throws SQLException {
        Sql sql = new Sql();
        sql.append("SELECT " + COLUMNS, Date.valueOf(today));
        if (words.isEmpty()) {
            sql.append(", 0 AS score");
        } else {
            sql.append(", " + SCORE + " AS score", words, words);
        }
        sql.append(" FROM listings");
        where(sql, query, words, today);
        if (after != null) {
            keyset(sql, sort, after);
        }
        sql.append(" ORDER BY " + switch (sort) {
            case RELEVANCE -> "score DESC, product_id DESC";
            case PRICE_ASC -> "min_price ASC, product_id ASC";
            case PRICE_DESC -> "min_price DESC, product_id DESC";
            case NEWEST -> "published_at DESC, product_id DESC";
            case BEST_SELLING -> "sold DESC, product_id DESC";
        });
        sql.append(" LIMIT ?", query.limit() + 1);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private Facets facets(Connection connection, SearchQuery query, String words, LocalDate today) throws SQLException {
        Sql sql = new Sql();
        sql.append("SELECT ocop_group, CASE WHEN stars_until >= ? THEN stars END AS valid_stars, province_code, in_stock, "
                + "COUNT(*) AS n FROM listings", Date.valueOf(today));
        where(sql, query, words, today);
        sql.append(" GROUP BY ocop_group, valid_stars, province_code, in_stock");
        Map<String, Long> groups = new TreeMap<>();
        Map<String, Long> stars = new TreeMap<>(Comparator.reverseOrder());
        Map<String, Long> provinces = new TreeMap<>();
        long inStock = 0;
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong("n");
                groups.merge(rs.getString("ocop_group"), n, Long::sum);
                int star = rs.getInt("valid_stars");
                if (!rs.wasNull()) {
                    stars.merge(Integer.toString(star), n, Long::sum);
                }
                provinces.merge(rs.getString("province_code"), n, Long::sum);
                inStock += rs.getBoolean("in_stock") ? n : 0;
            }
        }
        return new Facets(
                groups.entrySet().stream().map(e -> new Count(e.getKey(), OcopGroup.valueOf(e.getKey()).label(), e.getValue()))
                        .toList(),
                stars.entrySet().stream().map(e -> new Count(e.getKey(), null, e.getValue())).toList(),
                provinces.entrySet().stream().map(e -> new Count(e.getKey(),
                        units.province(e.getKey()).map(Province::name).orElse(null), e.getValue())).toList(),
                inStock);
    }

    private static void where(Sql sql, SearchQuery query, String words, LocalDate today) {
        sql.append(" WHERE 1 = 1");
        if (!words.isEmpty()) {
            sql.append(" AND MATCH(search_text) AGAINST (? IN BOOLEAN MODE)", words);
        }
        if (query.minStars() != null) {
            sql.append(" AND stars >= ? AND stars_until >= ?", query.minStars(), Date.valueOf(today));
        }
        if (query.group() != null) {
            sql.append(" AND ocop_group = ?", query.group().name());
        }
        if (query.province() != null) {
            sql.append(" AND province_code = ?", query.province());
        }
        if (query.commune() != null) {
            sql.append(" AND commune_code = ?", query.commune());
        }
        if (query.minPrice() != null) {
            sql.append(" AND min_price >= ?", query.minPrice());
        }
        if (query.maxPrice() != null) {
            sql.append(" AND min_price <= ?", query.maxPrice());
        }
        if (query.seller() != null) {
            sql.append(" AND seller_id = ?", query.seller().toString());
        }
        if (query.inStock()) {
            sql.append(" AND in_stock");
        }
    }

    private static void keyset(Sql sql, SearchQuery.Sort sort, Cursor after) {
        String id = after.id().toString();
        switch (sort) {
            case RELEVANCE -> sql.append(" HAVING (score < ? OR score = ? AND product_id < ?)", after.decimal(), after.decimal(), id);
            case PRICE_ASC -> sql.append(" AND (min_price > ? OR min_price = ? AND product_id > ?)", after.number(), after.number(), id);
            case PRICE_DESC -> sql.append(" AND (min_price < ? OR min_price = ? AND product_id < ?)", after.number(), after.number(), id);
            case NEWEST -> sql.append(" AND (published_at < ? OR published_at = ? AND product_id < ?)", after.timestamp(),
                    after.timestamp(), id);
            case BEST_SELLING -> sql.append(" AND (sold < ? OR sold = ? AND product_id < ?)", after.number(), after.number(), id);
        }
    }

    private Row row(ResultSet rs) throws SQLException {
        Integer stars = rs.getInt("valid_stars");
        if (rs.wasNull()) {
            stars = null;
        }
        OcopGroup group = OcopGroup.valueOf(rs.getString("ocop_group"));
        String provinceCode = rs.getString("province_code");
        String communeCode = rs.getString("commune_code");
        Hit hit = new Hit(UUID.fromString(rs.getString("product_id")), rs.getString("name"),
                UUID.fromString(rs.getString("seller_id")), rs.getString("seller_name"), rs.getString("image_url"), group,
                group.label(), stars, rs.getLong("min_price"), rs.getLong("max_price"), rs.getBoolean("in_stock"),
                rs.getInt("sold"), provinceCode, units.province(provinceCode).map(Province::name).orElse(null), communeCode,
                units.commune(communeCode).map(Commune::name).orElse(null), rs.getTimestamp("published_at").toInstant());
        return new Row(hit, rs.getBigDecimal("score"));
    }

    /** A result row with its relevance score, which the next page's cursor needs. */
    private record Row(Hit hit, BigDecimal score) {

        String cursor(SearchQuery.Sort sort) {
            String value = switch (sort) {
                case RELEVANCE -> score.toPlainString();
                case PRICE_ASC, PRICE_DESC -> Long.toString(hit.priceFromVnd());
                case NEWEST -> hit.publishedAt().toString();
                case BEST_SELLING -> Integer.toString(hit.sold());
            };
            return Cursor.encode(sort, value, hit.productId());
        }
    }

    /** Where the previous page ended: the sort key's value and the product id, opaque to clients. */
    private record Cursor(String value, UUID id) {

        static String encode(SearchQuery.Sort sort, String value, UUID id) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((sort + "|" + value + "|" + id)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text, SearchQuery.Sort sort) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 3 || !parts[0].equals(sort.name())) {
                    throw new IllegalArgumentException("cursor of another search");
                }
                Cursor cursor = new Cursor(parts[1], UUID.fromString(parts[2]));
                switch (sort) { // check the value parses for its sort
                    case RELEVANCE -> cursor.decimal();
                    case NEWEST -> cursor.timestamp();
                    default -> cursor.number();
                }
                return cursor;
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw ProblemException.invalidField("cursor", "is not the nextCursor of this search");
            }
        }

        BigDecimal decimal() {
            return new BigDecimal(value);
        }

        long number() {
            return Long.parseLong(value);
        }

        Timestamp timestamp() {
            return Timestamp.from(Instant.parse(value));
        }
    }
}
