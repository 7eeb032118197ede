package vn.ocop.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The {@link BrowserSession#COOKIE} cookie as identity sets and clears it: HttpOnly (no script reads the token),
 * SameSite=Strict (no other site's page makes the browser send it), Path=/ (every service's pages on the host), and
 * Secure when {@code ocop.web.secure-cookies} is on (behind HTTPS; off by default for plain-HTTP development).
 */
@Singleton
public final class SessionCookies {

    private final boolean secure;

    SessionCookies(@Value("${ocop.web.secure-cookies:false}") boolean secure) {
        this.secure = secure;
    }

    /** The cookie carrying {@code accessToken}, living as long as the token does. */
    public Cookie session(String accessToken, Duration lifetime) {
        return base(accessToken).maxAge(lifetime);
    }

    /** A cookie that makes the browser drop the session cookie. */
    public Cookie cleared() {
        return base("").maxAge(0);
    }

    private Cookie base(String value) {
        return Cookie.of(BrowserSession.COOKIE, value)
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .path("/")
                .secure(secure);
    }
}
