package vn.ocop.catalog;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** SQL text with its parameters, bound in order; for the statements whose filters a request decides. */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    public Sql append(String fragment, Object... values) {
        text.append(fragment);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Appends {@code " WHERE "} and the conditions joined by AND ({@code TRUE} when there are none). */
    public Sql where(Conditions conditions) {
        text.append(" WHERE ").append(conditions.clauses.isEmpty() ? "TRUE" : String.join(" AND ", conditions.clauses));
        parameters.addAll(conditions.values);
        return this;
    }

    /** A prepared statement with the parameters bound ({@link LocalDate} as DATE, {@link Instant} as TIMESTAMP). */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            statement.setObject(i + 1, switch (value) {
                case LocalDate day -> Date.valueOf(day);
                case Instant instant -> Timestamp.from(instant);
                default -> value;
            });
        }
        return statement;
    }

    /** Conditions to AND together, each with its parameters. */
    public static final class Conditions {

        private final List<String> clauses = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        public Conditions and(boolean when, String clause, Object... parameters) {
            if (when) {
                clauses.add(clause);
                values.addAll(List.of(parameters));
            }
            return this;
        }
    }
}
