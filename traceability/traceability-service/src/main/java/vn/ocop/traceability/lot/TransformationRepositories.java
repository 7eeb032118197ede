package vn.ocop.traceability.lot;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** Transformations and their inputs and outputs. */
final class TransformationRepositories {

    private TransformationRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Transformations extends CrudRepository<Transformation, UUID> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Inputs extends CrudRepository<Transformation.Input, Transformation.Key> {

        @Query("SELECT * FROM transformation_inputs WHERE transformation_id = :transformationId")
        List<Transformation.Input> of(UUID transformationId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Outputs extends CrudRepository<Transformation.Output, Transformation.Key> {

        @Query("SELECT * FROM transformation_outputs WHERE transformation_id = :transformationId")
        List<Transformation.Output> of(UUID transformationId);
    }
}
