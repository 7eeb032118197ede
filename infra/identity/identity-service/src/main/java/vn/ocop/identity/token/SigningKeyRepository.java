package vn.ocop.identity.token;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SigningKeyRepository extends GenericRepository<StoredSigningKey, String> {

    Optional<StoredSigningKey> findByActiveTrue();

    StoredSigningKey save(StoredSigningKey key);
}
