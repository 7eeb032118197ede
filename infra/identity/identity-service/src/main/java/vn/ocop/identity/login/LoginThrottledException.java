package vn.ocop.identity.login;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import vn.ocop.platform.problem.ProblemException;

/** Too many failed logins: a 429 whose {@code Retry-After} says when to try again. */
class LoginThrottledException extends ProblemException {

    private final long retryAfterSeconds;

    LoginThrottledException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "login_throttled", "Too many failed logins; try again in {0} seconds",
                retryAfter.toSeconds());
        this.retryAfterSeconds = retryAfter.toSeconds();
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
