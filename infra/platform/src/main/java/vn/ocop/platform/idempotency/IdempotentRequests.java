package vn.ocop.platform.idempotency;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.ocop.platform.problem.ProblemException;

/**
 * {@code Idempotency-Key} for writes with money or stock effects. Inside the write's own transaction,
 * {@link #claim} inserts the key with a hash of the request; a concurrent request with the same key waits on
 * that row until the first commits, then gets the first response back. The same key with a different body is
 * a 422. The stored response is written by {@link #complete} in the same transaction as the effects.
 */
@Singleton
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{8,255}");

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(TransactionOperations<Connection> transactions, JsonMapper json, Clock clock) {
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** The response of an earlier request with this key. */
    public record StoredResponse(int status, String body) {
    }

    /**
     * Claims {@code key} within {@code scope} (e.g. the buyer) for this request.
     *
     * @return empty when the key is new and the caller should proceed (and then call {@link #complete});
     *         the first response when the key was already used with the same request
     * @throws ProblemException 422 when the key was used with a different request, 400 when it is malformed
     */
    public Optional<StoredResponse> claim(String scope, String key, Object request) {
        if (key == null || !VALID_KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("idempotency_key_invalid",
                    "An Idempotency-Key must be 8 to 255 printable ASCII characters");
        }
        String hash = hash(request);
        Connection connection = currentConnection();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO idempotency_keys (scope, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, hash);
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            return Optional.empty();
        } catch (SQLIntegrityConstraintViolationException alreadyUsed) {
            return Optional.of(earlierResponse(connection, scope, key, hash));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the idempotency key", e);
        }
    }

    /** Stores the response to return for later requests with the same key. */
    public void complete(String scope, String key, HttpStatus status, Object body) {
        try (PreparedStatement update = currentConnection().prepareStatement(
                "UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE scope = ? AND idem_key = ?")) {
            update.setInt(1, status.getCode());
            update.setString(2, json.writeValueAsString(body));
            update.setString(3, scope);
            update.setString(4, key);
            update.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot store the idempotent response", e);
        }
    }

    private StoredResponse earlierResponse(Connection connection, String scope, String key, String hash) {
        try (PreparedStatement select = connection.prepareStatement("SELECT request_hash, response_status, response_body "
                + "FROM idempotency_keys WHERE scope = ? AND idem_key = ? LOCK IN SHARE MODE")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("idempotency key vanished: " + key);
                }
                if (!hash.equals(rs.getString(1))) {
                    throw ProblemException.unprocessable("idempotency_key_reused",
                            "This Idempotency-Key was already used for a request with a different body");
                }
                if (rs.getString(3) == null) {
                    throw ProblemException.conflict("idempotency_key_in_progress",
                            "A request with this Idempotency-Key is still being processed; retry shortly");
                }
                return new StoredResponse(rs.getInt(2), rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the idempotency key", e);
        }
    }

    private Connection currentConnection() {
        transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("idempotency keys need the write's transaction"));
        return transactions.getConnection();
    }

    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }
}
