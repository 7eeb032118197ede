package vn.ocop.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** A stand-in for identity's JWKS endpoint, serving a key generated for the test run, and a token signer. */
@Controller("/test-jwks")
@Requires(property = "ocop.test.jwks", value = "serve")
@Secured(SecurityRule.IS_ANONYMOUS)
public class TestJwks {

    public static final RSAKey KEY = generate("identity-key-1");
    public static final RSAKey FOREIGN_KEY = generate("identity-key-1");

    @Get
    Map<String, Object> keys() {
        return new JWKSet(KEY.toPublicJWK()).toJSONObject();
    }

    public static String token(RSAKey key, String subject, List<String> roles, String province, String issuer,
                               Instant issuedAt, Instant expiresAt) {
        try {
            var claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience("ocop")
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .claim("roles", roles);
            if (province != null) {
                claims.claim("province", province);
            }
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
