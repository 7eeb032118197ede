package vn.ocop.payments.vnpay;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ProviderNotifications extends CrudRepository<ProviderNotification, UUID> {
}
