package vn.ocop.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type     URI identifying the problem kind ({@code about:blank} for plain HTTP statuses)
 * @param title    short summary of the kind
 * @param status   the HTTP status
 * @param detail   what went wrong with this request, in the caller's language (Vietnamese or English)
 * @param instance the request path
 * @param code     machine-readable problem code, e.g. {@code out_of_stock}
 * @param traceId  the trace id under which the server logged the request
 * @param errors   one entry per invalid field
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable String code, @Nullable String traceId, @Nullable List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One invalid field: its path in the request ({@code lines[0].quantity}) and what is wrong with it. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
