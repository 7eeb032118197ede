package vn.ocop.platform.problem;

import io.micronaut.http.HttpStatus;
import java.text.MessageFormat;
import java.util.List;

/**
 * A domain error that reaches the caller as a problem detail. {@code code} names it ({@code out_of_stock});
 * the detail is looked up as {@code problem.<code>} in the service's message bundles for the caller's language,
 * formatted with {@code args}, and falls back to {@code detail} (a {@link MessageFormat} pattern in English).
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String code, String detail, Object... args) {
        this(status, code, List.of(), detail, args);
    }

    public ProblemException(HttpStatus status, String code, List<Problem.FieldError> errors, String detail, Object... args) {
        super(args.length == 0 ? detail : MessageFormat.format(detail, args));
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.args = args.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static ProblemException notFound(String code, String detail, Object... args) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, detail, args);
    }

    public static ProblemException conflict(String code, String detail, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail, args);
    }

    public static ProblemException unprocessable(String code, String detail, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail, args);
    }

    public static ProblemException forbidden(String code, String detail, Object... args) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, detail, args);
    }

    public static ProblemException badRequest(String code, String detail, Object... args) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail, args);
    }

    /** A 400 naming one invalid field, for checks bean validation cannot express. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_request", List.of(new Problem.FieldError(field, message)),
                "The request has invalid fields");
    }
}
