package vn.ocop.platform.problem;

import io.micronaut.context.MessageSource;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.serde.exceptions.InvalidFormatException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.MDC;
import vn.ocop.platform.trace.TraceContext;

/**
 * Turns every error response of the service, ours and the framework's (validation, unreadable bodies,
 * authentication, unknown routes, unhandled exceptions), into {@code application/problem+json}. Details come
 * from message bundles in the caller's language; nothing from an unexpected exception reaches the caller.
 */
@Singleton
final class ProblemResponses implements ErrorResponseProcessor<Problem> {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Problem> problemResponse = (MutableHttpResponse<Problem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problemResponse;
        }
        HttpStatus status = response.status();
        Locale locale = locale(context.getRequest());
        Throwable cause = context.getRootCause().orElse(null);
        Problem problem = cause instanceof ProblemException domain
                ? fromDomain(domain, locale, context.getRequest())
                : fromFramework(status, cause, context, locale);
        return problemResponse.body(problem).contentType(Problem.CONTENT_TYPE);
    }

    private Problem fromDomain(ProblemException e, Locale locale, HttpRequest<?> request) {
        String detail = messages.getMessage("problem." + e.code(), locale, e.args()).orElse(e.getMessage());
        return new Problem("urn:ocop:problem:" + e.code(), title(e.status(), locale), e.status().getCode(), detail,
                request.getPath(), e.code(), traceId(request), e.errors().isEmpty() ? null : e.errors());
    }

    private Problem fromFramework(HttpStatus status, Throwable cause, ErrorContext context, Locale locale) {
        HttpRequest<?> request = context.getRequest();
        String code = code(status, cause);
        List<Problem.FieldError> errors = status == HttpStatus.BAD_REQUEST ? fieldErrors(context, cause, locale) : List.of();
        String detail = messages.getMessage("problem." + code, locale).orElse(status.getReason());
        return new Problem("about:blank", title(status, locale), status.getCode(), detail, request.getPath(), code,
                traceId(request), errors.isEmpty() ? null : errors);
    }

    private static String code(HttpStatus status, Throwable cause) {
        if (cause instanceof AuthorizationException authorization) {
            return authorization.isForbidden() ? "forbidden" : "unauthorized";
        }
        if (cause instanceof JsonSyntaxException || isBodyConversion(cause)) {
            return "unreadable_body";
        }
        return switch (status) {
            case BAD_REQUEST -> "invalid_request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case CONFLICT -> "conflict";
            case REQUEST_ENTITY_TOO_LARGE -> "too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case UNPROCESSABLE_ENTITY -> "unprocessable";
            case TOO_MANY_REQUESTS -> "too_many_requests";
            default -> status.getCode() >= 500 ? "internal_error" : "http_" + status.getCode();
        };
    }

    /** Field errors from the framework's 400s, with messages safe to show (no class names, no parser internals). */
    private List<Problem.FieldError> fieldErrors(ErrorContext context, Throwable cause, Locale locale) {
        if (cause instanceof ConversionErrorException conversion) {
            return conversionField(conversion)
                    .map(field -> List.of(new Problem.FieldError(field,
                            messages.getMessage("field.wrong_type", locale).orElse("has the wrong type or format"))))
                    .orElse(List.of());
        }
        if (cause instanceof JsonSyntaxException) {
            return List.of();
        }
        return context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(field(error), safeMessage(error, cause, locale)))
                .toList();
    }

    private String safeMessage(Error error, Throwable cause, Locale locale) {
        if (cause instanceof ConstraintViolationException) {
            return error.getMessage();
        }
        if (cause instanceof UnsatisfiedArgumentException) {
            return messages.getMessage("field.required", locale).orElse("is required");
        }
        return messages.getMessage("field.missing_or_invalid", locale).orElse("is missing or invalid");
    }

    private static String field(Error error) {
        String path = error.getPath().orElse("");
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /**
     * The field a body failed to convert at, from serde's chain of property format errors ({@code lines.quantity});
     * empty when the body is not JSON at all.
     */
    private static Optional<String> conversionField(ConversionErrorException conversion) {
        List<String> names = new ArrayList<>();
        boolean formatError = false;
        for (Throwable t = conversion.getConversionError().getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException property) {
                names.add(property.getArgument().getName());
            }
            formatError |= t instanceof InvalidFormatException;
        }
        if (!formatError) {
            return isBodyConversion(conversion) ? Optional.empty() : Optional.of(conversion.getArgument().getName());
        }
        return Optional.of(names.isEmpty() ? conversion.getArgument().getName() : String.join(".", names));
    }

    private static boolean isBodyConversion(Throwable cause) {
        return cause instanceof ConversionErrorException conversion
                && conversion.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
    }

    private String title(HttpStatus status, Locale locale) {
        return messages.getMessage("status." + status.getCode(), locale).orElse(status.getReason());
    }

    static Locale locale(HttpRequest<?> request) {
        Optional<Locale> requested = request.getLocale();
        return requested.filter(l -> "en".equals(l.getLanguage())).isPresent() ? Locale.ENGLISH : VIETNAMESE;
    }

    private static String traceId(HttpRequest<?> request) {
        String fromMdc = MDC.get(TraceContext.MDC_KEY);
        if (fromMdc != null) {
            return fromMdc;
        }
        return request.getAttribute("ocop.traceparent", String.class).map(TraceContext::traceId).orElse(null);
    }
}
