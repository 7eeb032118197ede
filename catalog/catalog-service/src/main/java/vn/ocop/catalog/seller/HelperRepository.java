package vn.ocop.catalog.seller;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface HelperRepository extends CrudRepository<Helper, UUID> {

    Optional<Helper> findByPhone(String phone);

    Optional<Helper> findByEmail(String email);

    List<Helper> findByIdIn(Collection<UUID> ids);
}
