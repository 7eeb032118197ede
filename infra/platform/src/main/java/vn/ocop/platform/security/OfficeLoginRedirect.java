package vn.ocop.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URI;

/**
 * Sends a browser to the login form instead of a JSON 401: a GET or HEAD of a page under {@link BrowserSession#OFFICE_PATH}
 * refused for want of a valid token (none, expired, tampered) is answered {@code 303 See Other} to
 * {@code /office/login?next=<the page>}. Other methods keep their 401 (a form posted with an expired session is not
 * replayed after a login), a 403 stays a 403, and nothing outside {@code /office} is touched (APIs answer problem+json).
 * Runs around the security filter, so it sees the rejection the security filter produced. The form is identity's: on
 * this host (behind an edge proxy routing {@code /office/login} to identity) unless {@code ocop.web.login-origin} names
 * identity's origin (services on their own ports: {@code http://127.0.0.1:8081}).
 */
@ServerFilter({BrowserSession.OFFICE_PATH, BrowserSession.OFFICE_PATH + "/**"})
final class OfficeLoginRedirect implements Ordered {

    private final String loginOrigin;

    OfficeLoginRedirect(@Value("${ocop.web.login-origin:}") String loginOrigin) {
        this.loginOrigin = BrowserSession.origin(loginOrigin, "ocop.web.login-origin");
    }

    @ResponseFilter
    HttpResponse<?> redirect(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpMethod method = request.getMethod();
        if (response.status() != HttpStatus.UNAUTHORIZED || (method != HttpMethod.GET && method != HttpMethod.HEAD)) {
            return response;
        }
        URI uri = request.getUri();
        String page = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return HttpResponse.seeOther(URI.create(BrowserSession.loginUrl(loginOrigin, page)));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
