package vn.ocop.catalog.registry;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CertificateRepository extends CrudRepository<Certificate, UUID> {

    Optional<Certificate> findByNumber(String number);

    List<Certificate> findByNumberIn(Collection<String> numbers);

    List<Certificate> findByIdIn(Collection<UUID> ids);

    /** Keyset page of one province's certificates, by number. */
    List<Certificate> findByProvinceCodeAndNumberGreaterThan(String provinceCode, String after, Pageable page);
}
