package vn.ocop.identity.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Optional;
import vn.ocop.identity.account.AccountProfile;
import vn.ocop.identity.account.Accounts;
import vn.ocop.identity.account.Contacts;
import vn.ocop.identity.account.Credentials;
import vn.ocop.identity.password.PasswordHasher;
import vn.ocop.platform.problem.ProblemException;

/**
 * Password logins. Throttled callers are refused before the password is looked at; every other attempt costs one
 * Argon2 hash, whether or not the login names an account, and every failure gets the same 401.
 */
@Singleton
class Logins {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;

    Logins(Accounts accounts, PasswordHasher hasher, LoginThrottle throttle, Sessions sessions) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    /** A token pair for the API (a new refresh-token family), once {@link #authenticate} accepts the password. */
    TokenResponse login(String login, String password, @Nullable String clientAddress) {
        return sessions.open(authenticate(login, password, clientAddress));
    }

    /**
     * The account the login and password name, when the caller is not throttled and the password is right; else a
     * {@link LoginThrottledException} (429) or the same 401 for every other failure. Shared by the API and the
     * officers' login form, so both count failures alike.
     */
    AccountProfile authenticate(String login, String password, @Nullable String clientAddress) {
        Optional<Credentials> credentials = accounts.credentials(login);
        String subject = credentials.map(c -> LoginThrottle.accountSubject(c.accountId()))
                .orElseGet(() -> LoginThrottle.loginSubject(Contacts.loginKey(login)));
        String address = clientAddress == null ? "unknown" : clientAddress;
        throttle.blockedFor(subject, address).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        boolean matches;
        if (credentials.isPresent()) {
            matches = hasher.verify(password, credentials.get().passwordHash()) && credentials.get().active();
        } else {
            hasher.spendOneHash(password);
            matches = false;
        }
        if (!matches) {
            throttle.recordFailure(subject, address);
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "Wrong login or password");
        }
        Credentials account = credentials.get();
        throttle.clear(subject);
        if (hasher.needsRehash(account.passwordHash())) {
            accounts.changePasswordHash(account.accountId(), hasher.hash(password));
        }
        return accounts.activeProfile(account.accountId()).orElseThrow();
    }
}
