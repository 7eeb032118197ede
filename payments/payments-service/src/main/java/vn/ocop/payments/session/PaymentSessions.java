package vn.ocop.payments.session;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

/** Payment sessions in MariaDB/MySQL. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PaymentSessions extends CrudRepository<PaymentSession, UUID> {

    Optional<PaymentSession> findByTxnRef(String txnRef);

    /** The session with a row lock ({@code SELECT ... FOR UPDATE}) held until the transaction ends. */
    Optional<PaymentSession> findByTxnRefForUpdate(String txnRef);

    boolean existsByCheckoutId(UUID checkoutId);

    /** The session that captured the checkout's payment, with a row lock held until the transaction ends. */
    Optional<PaymentSession> findByCapturedCheckoutIdForUpdate(UUID capturedCheckoutId);

    /** The checkout's session in {@code state}, read without a lock. */
    Optional<PaymentSession> findByCheckoutIdAndState(UUID checkoutId, SessionState state);
}
