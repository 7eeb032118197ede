package vn.ocop.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/** RSA signing keys as nimbus JWKs: generated, read from PKCS#8 (PEM or base64), written as base64 PKCS#8. */
final class RsaKeys {

    private static final int BITS = 2048;
    private static final Pattern PEM_ARMOUR = Pattern.compile("-----(BEGIN|END) PRIVATE KEY-----|\\s");

    private RsaKeys() {
    }

    static RSAKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return fromPrivate((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** A key from a PEM file's text ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8) or from bare base64 PKCS#8. */
    static RSAKey fromPkcs8(String pemOrBase64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(PEM_ARMOUR.matcher(pemOrBase64).replaceAll(""));
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("the private key has no CRT parameters to derive its public key from");
            }
            return fromPrivate(crt);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8: " + e.getMessage(), e);
        }
    }

    static String toPkcs8Base64(RSAKey key) {
        try {
            return Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encode the signing key", e);
        }
    }

    /** The key with its public half, for RS256 signatures, its id being its RFC 7638 thumbprint. */
    private static RSAKey fromPrivate(RSAPrivateCrtKey privateKey) throws GeneralSecurityException {
        var publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        try {
            var key = new RSAKey.Builder(publicKey).privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new GeneralSecurityException("cannot compute the key's thumbprint", e);
        }
    }
}
