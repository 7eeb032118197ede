package vn.ocop.identity.login;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.identity.account.AccountProfile;
import vn.ocop.identity.account.Accounts;
import vn.ocop.identity.token.AccessTokens;
import vn.ocop.identity.token.TokenConfiguration;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.ProblemException;

/**
 * Token pairs: opened at login, rotated on refresh, closed at logout. A refresh token works once; presenting
 * one that was already rotated means someone else holds a copy, so its whole family is revoked.
 */
@Singleton
class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final int TOKEN_BYTES = 32;

    private final RefreshTokenRepository tokens;
    private final Accounts accounts;
    private final AccessTokens accessTokens;
    private final TransactionOperations<Connection> transactions;
    private final Duration refreshTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Sessions(RefreshTokenRepository tokens, Accounts accounts, AccessTokens accessTokens,
             TransactionOperations<Connection> transactions, TokenConfiguration config, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
        this.refreshTtl = config.refreshTokenTtl();
        this.clock = clock;
    }

    /** A new pair, starting a new refresh-token family. */
    TokenResponse open(AccountProfile account) {
        String refreshToken = newToken(account.id(), Ids.newId(), clock.instant()).plain();
        return pair(account, refreshToken);
    }

    /** A new pair for a valid refresh token, which is used up; anything else is a 401. */
    TokenResponse refresh(String presented) {
        Optional<Rotation> rotation = transactions.executeWrite(status -> rotate(presented));
        return rotation.map(r -> pair(r.account(), r.refreshToken())).orElseThrow(Sessions::invalid);
    }

    /** Revokes the family of the presented token; unknown tokens are ignored. */
    void logout(String presented) {
        tokens.findByTokenHash(sha256(presented))
                .ifPresent(token -> tokens.revokeFamily(token.familyId().toString(), clock.instant()));
    }

    private Optional<Rotation> rotate(String presented) {
        Optional<RefreshToken> found = tokens.findByTokenHashForUpdate(sha256(presented));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken token = found.get();
        Instant now = clock.instant();
        if (token.rotated()) {
            int revoked = tokens.revokeFamily(token.familyId().toString(), now);
            LOG.warn("a rotated refresh token of account {} was presented again; revoked {} tokens of family {}",
                    token.accountId(), revoked, token.familyId());
            return Optional.empty();
        }
        if (!token.usableAt(now)) {
            return Optional.empty();
        }
        Optional<AccountProfile> account = accounts.activeProfile(token.accountId());
        if (account.isEmpty()) {
            tokens.revokeFamily(token.familyId().toString(), now);
            return Optional.empty();
        }
        Issued next = newToken(token.accountId(), token.familyId(), now);
        tokens.markRotated(token.id().toString(), next.id().toString(), now);
        return Optional.of(new Rotation(account.get(), next.plain()));
    }

    private Issued newToken(UUID accountId, UUID familyId, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = Ids.newId();
        tokens.save(new RefreshToken(id, accountId, familyId, sha256(plain), now.plus(refreshTtl), null, null, now));
        return new Issued(id, plain);
    }

    private TokenResponse pair(AccountProfile account, String refreshToken) {
        String accessToken = accessTokens.issue(account.id(), account.displayName(), account.roles(), account.province());
        return new TokenResponse(accessToken, refreshToken, "Bearer", accessTokens.ttl().toSeconds(), account.id(),
                account.roles());
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_refresh_token",
                "The refresh token is invalid, expired or revoked; log in again");
    }

    private record Issued(UUID id, String plain) {
    }

    private record Rotation(AccountProfile account, String refreshToken) {
    }
}
