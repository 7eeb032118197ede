package vn.ocop.identity.token;

import com.nimbusds.jose.JOSEException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.interfaces.RSAPublicKey;

/**
 * Identity verifies the tokens presented to its own secured endpoints with its signing key's public half,
 * directly, rather than fetching its own JWKS over HTTP. Left out where tokens are verified through a JWKS URL.
 */
@Singleton
@Named("identity")
@Requires(missingProperty = "micronaut.security.token.jwt.signatures.jwks.identity.url")
final class IdentitySignature implements RSASignatureConfiguration {

    private final SigningKeys keys;

    IdentitySignature(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public RSAPublicKey getPublicKey() {
        try {
            return keys.active().toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key has no public half", e);
        }
    }
}
