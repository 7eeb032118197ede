package vn.ocop.payments.card;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The card tables (V7): sessions' PaymentIntents, the Stripe events acted on, the refunds Stripe reported. Plain JDBC,
 * for the {@code INSERT IGNORE}s that make concurrent and repeated writes of one key harmless.
 */
@Singleton
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
class CardRecords {

    /** A session's PaymentIntent, as recorded. */
    record Intent(UUID sessionId, String txnRef, String intentId, long amountVnd) {
    }

    private final TransactionOperations<Connection> tx;

    CardRecords(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    Optional<Intent> intentOf(UUID sessionId) {
        return tx.executeRead(status -> one("SELECT session_id, txn_ref, intent_id, amount_vnd FROM card_intents WHERE session_id = ?",
                sessionId.toString()));
    }

    Optional<Intent> intentById(String intentId) {
        return one("SELECT session_id, txn_ref, intent_id, amount_vnd FROM card_intents WHERE intent_id = ?", intentId);
    }

    /** Records the session's intent unless it has one already; the one recorded either way. */
    Intent recordIntent(Intent intent, Instant now) {
        return tx.executeWrite(status -> {
            update("INSERT IGNORE INTO card_intents (session_id, txn_ref, intent_id, amount_vnd, created_at) VALUES (?, ?, ?, ?, ?)",
                    intent.sessionId().toString(), intent.txnRef(), intent.intentId(), intent.amountVnd(), Timestamp.from(now));
            return one("SELECT session_id, txn_ref, intent_id, amount_vnd FROM card_intents WHERE session_id = ?",
                    intent.sessionId().toString()).orElseThrow();
        });
    }

    /**
     * Records a Stripe event as acted on, in the caller's transaction; false when it already was (a redelivery). A copy
     * arriving while another is being handled waits for that one's transaction and then finds the id taken.
     */
    boolean recordEvent(String eventId, String type, String intentId, UUID sessionId, String outcome, Instant createdAt,
                        Instant now) {
        return update("INSERT IGNORE INTO card_webhook_events (event_id, event_type, intent_id, session_id, outcome, created_at, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", eventId, type, intentId,
                sessionId == null ? null : sessionId.toString(), outcome, Timestamp.from(createdAt), Timestamp.from(now)) == 1;
    }

    /** Sets what an event recorded by {@link #recordEvent} did, in the same transaction. */
    void eventOutcome(String eventId, UUID sessionId, String outcome) {
        update("UPDATE card_webhook_events SET session_id = ?, outcome = ? WHERE event_id = ?",
                sessionId == null ? null : sessionId.toString(), outcome, eventId);
    }

    void recordRefundNotice(String eventId, String chargeId, String intentId, UUID sessionId, long amountRefundedVnd,
                            boolean fullyRefunded, Instant now) {
        update("INSERT IGNORE INTO card_refund_notices (event_id, charge_id, intent_id, session_id, amount_refunded_vnd, "
                        + "fully_refunded, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", eventId, chargeId, intentId,
                sessionId == null ? null : sessionId.toString(), amountRefundedVnd, fullyRefunded, Timestamp.from(now));
    }

    private Optional<Intent> one(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(new Intent(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                    rs.getLong(4))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    private int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = tx.getConnection().prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
