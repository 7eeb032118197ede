package vn.ocop.payments.notification;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;

/** The audit trail of provider notifications in MariaDB/MySQL. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ProviderNotifications extends CrudRepository<ProviderNotification, UUID> {
}
