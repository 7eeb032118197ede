package vn.ocop.payments.ledger;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain JDBC inside the caller's transaction, for the ledger's few hand-written statements (sums, locks, upserts that
 * add to a balance). Binds UUIDs and enums as text and instants as UTC timestamps, as the schema stores them.
 */
@Singleton
public class Sql {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final TransactionOperations<Connection> tx;

    Sql(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    public int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(row.map(rs));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        return list(sql, row, params).stream().findFirst();
    }

    public long sum(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : UUID.fromString(text);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = tx.getConnection().prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            Object bound = switch (p) {
                case null -> null;
                case UUID id -> id.toString();
                case Enum<?> e -> e.name();
                case Instant at -> Timestamp.from(at);
                default -> p;
            };
            statement.setObject(i + 1, bound);
        }
        return statement;
    }
}
