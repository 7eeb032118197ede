package vn.ocop.platform.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the access token from the {@link BrowserSession#COOKIE} cookie, for GET and HEAD requests that carry no
 * {@code Authorization} header: a browser reads the officers' pages and downloads with it, but a cookie, which a
 * browser attaches by itself, never authorises a state change (no CSRF), and an explicit header always wins. The
 * token is then validated exactly as a bearer token is (signature against identity's JWKS, issuer, audience, times).
 */
@Singleton
final class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    /** After the bearer reader (which finds nothing when this one could find something). */
    static final int ORDER = BearerTokenReader.ORDER + 10;

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return Optional.empty();
        }
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(BrowserSession.COOKIE)
                .map(Cookie::getValue)
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
