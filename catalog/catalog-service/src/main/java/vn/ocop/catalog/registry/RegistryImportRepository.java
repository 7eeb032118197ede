package vn.ocop.catalog.registry;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RegistryImportRepository extends CrudRepository<RegistryImport, UUID> {

    List<RegistryImport> findTop50ByProvinceCodeOrderByImportedAtDesc(String provinceCode);

    List<RegistryImport> findTop50OrderByImportedAtDesc();
}
