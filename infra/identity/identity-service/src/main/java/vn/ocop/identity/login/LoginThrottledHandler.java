package vn.ocop.identity.login;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** The platform's problem response for a throttled login, plus the {@code Retry-After} header. */
@Produces
@Singleton
final class LoginThrottledHandler implements ExceptionHandler<LoginThrottledException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> responses;

    LoginThrottledHandler(ErrorResponseProcessor<?> responses) {
        this.responses = responses;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<?> handle(HttpRequest request, LoginThrottledException exception) {
        return responses.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds())));
    }
}
