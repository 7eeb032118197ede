package vn.ocop.identity.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountRoleRepository extends GenericRepository<AccountRole, AccountRole.Key> {

    AccountRole save(AccountRole role);

    List<AccountRole> findByIdAccountId(UUID accountId);

    boolean existsByIdRole(String role);
}
