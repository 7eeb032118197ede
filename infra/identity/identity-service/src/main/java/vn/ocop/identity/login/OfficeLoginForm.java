package vn.ocop.identity.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The officers' login form as the browser posts it (application/x-www-form-urlencoded). Checked by the controller,
 * which answers a browser with the form again rather than with problem+json.
 *
 * @param login    a phone number (any accepted form) or an e-mail
 * @param password the password
 * @param next     the office page to return to, kept only when it is one ({@code BrowserSession.safeNext})
 */
@Serdeable
record OfficeLoginForm(@Nullable String login, @Nullable String password, @Nullable String next) {
}
