package vn.ocop.platform.security;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The officers' browser session: identity's login form ({@link #LOGIN_PATH}) puts the access token in the
 * {@link #COOKIE} cookie (HttpOnly, SameSite=Strict, Path=/); every service reads it on safe requests only
 * ({@link SessionCookieTokenReader}), and sends a browser that has none, or an expired one, from its pages under
 * {@link #OFFICE_PATH} to the form ({@link OfficeLoginRedirect}). Cookies are not port-scoped, so on one host a cookie
 * identity sets reaches every service.
 */
public final class BrowserSession {

    /** The cookie holding the access token (a JWT, verified as a bearer token is). */
    public static final String COOKIE = "ocop_session";
    /** The officers' pages; a login returns there by default. */
    public static final String OFFICE_PATH = "/office";
    /** Identity's login form (GET) and its target (POST). */
    public static final String LOGIN_PATH = "/office/login";
    /** Identity's logout (POST): clears the cookie. */
    public static final String LOGOUT_PATH = "/office/logout";
    /** The query parameter naming the page to return to after logging in. */
    public static final String NEXT_PARAMETER = "next";

    private static final int MAX_NEXT = 2000;

    private BrowserSession() {
    }

    /** The login form's address on this host, returning to {@code next} (a path with its query) once logged in. */
    public static String loginUrl(String next) {
        return safeNext(next)
                .map(target -> LOGIN_PATH + "?" + NEXT_PARAMETER + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8))
                .orElse(LOGIN_PATH);
    }

    /** The login form's address at {@code loginOrigin} (see {@link #origin}; empty for this host), returning to {@code next}. */
    public static String loginUrl(String loginOrigin, String next) {
        return loginOrigin + loginUrl(next);
    }

    /**
     * A configured origin ({@code scheme://host[:port]}, trailing slashes dropped), or {@code ""} when nothing is set: the
     * services are then reached through one origin (an edge proxy) and links stay relative. Anything else (a path, a
     * query, another scheme) is a configuration error, reported with the property's name.
     */
    public static String origin(@Nullable String configured, String property) {
        if (configured == null || configured.isBlank()) {
            return "";
        }
        String value = configured.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(value);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (web && uri.getHost() != null && bare) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + " must be an origin such as https://ocop.example.vn or "
                + "http://127.0.0.1:8081 (no path), or empty; it is '" + configured + "'");
    }

    /**
     * {@code next} when it is a page of this site under {@link #OFFICE_PATH}: a relative path (no scheme, no host,
     * not {@code //host}, no backslash, no control characters, no {@code ..} segment), else empty. What a login
     * redirects to comes from here only, so a link cannot send an officer elsewhere (open redirect).
     */
    public static Optional<String> safeNext(@Nullable String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_NEXT) {
            return Optional.empty();
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return Optional.empty();
            }
        }
        URI uri;
        try {
            uri = new URI(next);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        boolean office = path.equals(OFFICE_PATH) || path.startsWith(OFFICE_PATH + "/");
        boolean form = path.equals(LOGIN_PATH) || path.equals(LOGOUT_PATH);
        // no dot segments, and none hidden behind percent-encoding (nor encoded slashes or backslashes)
        String lower = path.toLowerCase(Locale.ROOT);
        boolean dots = (path + "/").contains("/../") || (path + "/").contains("/./");
        boolean encoded = lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c");
        if (!office || form || dots || encoded) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}
