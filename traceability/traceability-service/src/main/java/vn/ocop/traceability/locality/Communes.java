package vn.ocop.traceability.locality;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;

/** Checks commune codes against the official list copied from catalog. */
@Singleton
public final class Communes {

    private final CommuneRepository communes;

    Communes(CommuneRepository communes) {
        this.communes = communes;
    }

    public Optional<Commune> find(String code) {
        return communes.findById(code);
    }

    /**
     * The official commune with this code.
     *
     * @throws ProblemException 422 naming {@code field} when no official commune has the code; 503 while the official
     *                          list has not reached this service yet
     */
    public Commune require(String code, String field) {
        return communes.findById(code).orElseThrow(() -> {
            if (communes.edition().isEmpty()) {
                return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "admin_units_unavailable",
                        "The official list of communes has not reached the traceability service yet; try again shortly");
            }
            return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "commune_unknown",
                    List.of(new Problem.FieldError(field, "is not an official commune (since 1 July 2025)")),
                    "Commune {0} is not in the official list of communes", code);
        });
    }
}
