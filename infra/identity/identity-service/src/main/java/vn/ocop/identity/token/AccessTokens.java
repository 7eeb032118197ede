package vn.ocop.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import vn.ocop.platform.security.Caller;

/**
 * Access tokens: RS256 JWTs with the signing key's {@code kid}, carrying the account id ({@code sub}), its roles,
 * its name and, for officers, their province. Issuer and audience are the ones every service validates.
 */
@Singleton
public class AccessTokens {

    private final SigningKeys keys;
    private final Duration ttl;
    private final Clock clock;
    private final String issuer;
    private final String audience;

    AccessTokens(SigningKeys keys, TokenConfiguration config, Clock clock,
                 @Value("${micronaut.security.token.jwt.claims-validators.issuer}") String issuer,
                 @Value("${micronaut.security.token.jwt.claims-validators.audience}") String audience) {
        this.keys = keys;
        this.ttl = config.accessTokenTtl();
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(UUID accountId, String name, Collection<String> roles, @Nullable String province) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(accountId.toString())
                .claim("roles", List.copyOf(roles))
                .claim("name", name)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (province != null) {
            claims.claim(Caller.PROVINCE_CLAIM, province);
        }
        var key = keys.active();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        var jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }
}
