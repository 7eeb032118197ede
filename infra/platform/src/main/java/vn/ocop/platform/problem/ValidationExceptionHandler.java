package vn.ocop.platform.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Bean-validation failures as a 400 whose {@code errors[]} name each field by its path in the request
 * ({@code lines[0].quantity}, or a query parameter's name), instead of Micronaut's flattened messages.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
final class ValidationExceptionHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> responses;

    ValidationExceptionHandler(ErrorResponseProcessor<?> responses) {
        this.responses = responses;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Error> errors = exception.getConstraintViolations().stream()
                .map(ValidationExceptionHandler::toError)
                .sorted(Comparator.comparing((Error e) -> e.getPath().orElse("")).thenComparing(Error::getMessage))
                .toList();
        return responses.processResponse(ErrorContext.builder(request).cause(exception).errors(errors).build(),
                HttpResponse.badRequest());
    }

    private static Error toError(ConstraintViolation<?> violation) {
        String field = fieldPath(violation.getPropertyPath());
        String message = violation.getMessage();
        return new Error() {
            @Override
            public Optional<String> getPath() {
                return Optional.of(field);
            }

            @Override
            public String getMessage() {
                return message;
            }
        };
    }

    /** {@code create.request.lines[0].quantity} becomes {@code lines[0].quantity}; {@code list.limit} becomes {@code limit}. */
    static String fieldPath(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        List<Path.Node> relevant = nodes.stream()
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.CONSTRUCTOR)
                .toList();
        boolean hasProperties = relevant.stream().anyMatch(n -> n.getKind() == ElementKind.PROPERTY);
        StringBuilder field = new StringBuilder();
        for (Path.Node node : relevant) {
            if (node.getKind() == ElementKind.PARAMETER && hasProperties) {
                continue; // the body parameter's own name says nothing to the caller
            }
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
