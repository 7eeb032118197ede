package vn.ocop.identity.login;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.ocop.identity.account.AccountProfile;
import vn.ocop.identity.token.AccessTokens;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.BrowserSession;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.SessionCookies;

/**
 * The officers' login in a browser: a server-rendered Vietnamese form ({@code GET /office/login}), its target
 * ({@code POST /office/login}) and the logout ({@code POST /office/logout}). A login goes through the same
 * {@link Logins} as the JSON API (same throttling, same failures), and for an officer or an administrator sets the
 * session cookie ({@link SessionCookies}) to an access token, without a refresh token: the browser's session lasts
 * one access token, then the form is shown again. Then 303 to the office page named by {@code next} when it is one
 * ({@link BrowserSession#safeNext}), else {@code /office}, at {@code ocop.web.office-origin} (catalog's origin when
 * each service has its own port; empty behind an edge proxy, the same origin). Failures answer the form again with the reason, and set
 * nothing. Posts whose {@code Origin} is another site are refused (no login or logout CSRF).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class OfficeLoginController {

    private static final Logger LOG = LoggerFactory.getLogger(OfficeLoginController.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final int MAX_LOGIN = 320;
    private static final int MAX_PASSWORD = 1024;

    private final Logins logins;
    private final AccessTokens accessTokens;
    private final SessionCookies cookies;
    private final HttpClientAddressResolver addresses;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final String officeOrigin;
    private final String contentSecurityPolicy;

    OfficeLoginController(Logins logins, AccessTokens accessTokens, SessionCookies cookies,
                          HttpClientAddressResolver addresses, TemplateEngine templates, MessageSource messages,
                          @Value("${ocop.web.office-origin:}") String officeOrigin) {
        this.logins = logins;
        this.accessTokens = accessTokens;
        this.cookies = cookies;
        this.addresses = addresses;
        this.templates = templates;
        this.messages = messages;
        this.officeOrigin = BrowserSession.origin(officeOrigin, "ocop.web.office-origin");
        // Only the page's own inline styles, nothing loaded from anywhere; the form posts here, and its redirect may
        // lead to the office pages' origin.
        this.contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"
                + (this.officeOrigin.isEmpty() ? "" : " " + this.officeOrigin)
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Get(BrowserSession.LOGIN_PATH)
    @Produces(HTML)
    HttpResponse<String> form(@Nullable @QueryValue(BrowserSession.NEXT_PARAMETER) String next) {
        return page(HttpStatus.OK, null, null, next);
    }

    @Post(BrowserSession.LOGIN_PATH)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    HttpResponse<?> login(@Nullable @Body OfficeLoginForm posted, HttpRequest<?> request) {
        OfficeLoginForm form = posted == null ? new OfficeLoginForm(null, null, null) : posted;
        String login = form.login() == null ? "" : form.login().strip();
        String password = form.password() == null ? "" : form.password();
        if (!sameSite(request)) {
            return page(HttpStatus.FORBIDDEN, "office.login.error.other_site", login, form.next());
        }
        if (login.isEmpty() || password.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "office.login.error.missing", login, form.next());
        }
        if (login.length() > MAX_LOGIN || password.length() > MAX_PASSWORD) {
            return page(HttpStatus.BAD_REQUEST, "office.login.error.too_long", null, form.next());
        }
        AccountProfile account;
        try {
            account = logins.authenticate(login, password, addresses.resolve(request));
        } catch (LoginThrottledException e) {
            return page(HttpStatus.TOO_MANY_REQUESTS, "problem.login_throttled", login, form.next(), e.retryAfterSeconds())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        } catch (ProblemException e) {
            if (e.status() != HttpStatus.UNAUTHORIZED) {
                throw e;
            }
            return page(HttpStatus.UNAUTHORIZED, "problem.invalid_credentials", login, form.next());
        }
        if (!account.roles().contains(Roles.OFFICER) && !account.roles().contains(Roles.ADMIN)) {
            return page(HttpStatus.FORBIDDEN, "office.login.error.not_staff", login, form.next());
        }
        String token = accessTokens.issue(account.id(), account.displayName(), account.roles(), account.province());
        String target = officeOrigin + BrowserSession.safeNext(form.next()).orElse(BrowserSession.OFFICE_PATH);
        LOG.info("account {} logged in to the office pages", account.id());
        return HttpResponse.seeOther(URI.create(target))
                .cookie(cookies.session(token, accessTokens.ttl()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Drops the session cookie. Its access token stays valid until it expires, as any access token does. */
    @Post(BrowserSession.LOGOUT_PATH)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    HttpResponse<?> logout(HttpRequest<?> request) {
        if (!sameSite(request)) {
            return page(HttpStatus.FORBIDDEN, "office.login.error.other_site", null, null);
        }
        return HttpResponse.seeOther(URI.create(BrowserSession.LOGIN_PATH))
                .cookie(cookies.cleared())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * A form posted by a page of this site, or by a program: browsers send {@code Origin} with every form post, and it
     * must then name this host as the browser reached it ({@code Host}, or {@code X-Forwarded-Host} set by a proxy in
     * front) or the office pages' origin (their logout button); another site's page can forge none of these headers,
     * so it cannot log a browser in or out (login CSRF).
     */
    private boolean sameSite(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        if (!officeOrigin.isEmpty() && origin.strip().equalsIgnoreCase(officeOrigin)) {
            return true;
        }
        String authority;
        try {
            authority = new URI(origin).getRawAuthority();
        } catch (URISyntaxException e) {
            return false;
        }
        if (authority == null) {
            return false;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String forwarded = request.getHeaders().get("X-Forwarded-Host");
        return authority.equalsIgnoreCase(host) || (forwarded != null && authority.equalsIgnoreCase(forwarded.split(",")[0].strip()));
    }

    private MutableHttpResponse<String> page(HttpStatus status, @Nullable String error, @Nullable String login,
                                             @Nullable String next, Object... errorArguments) {
        Map<String, Object> model = new HashMap<>();
        model.put("action", BrowserSession.LOGIN_PATH);
        model.put("login", login);
        model.put("next", BrowserSession.safeNext(next).orElse(null));
        model.put("error", error == null ? null
                : messages.getMessage(error, VIETNAMESE, errorArguments).orElseThrow(
                        () -> new IllegalStateException("no Vietnamese text for " + error)));
        String html = templates.process("office/login", new Context(VIETNAMESE, model));
        return HttpResponse.<String>status(status)
                .body(html)
                .contentType(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }
}
