package vn.ocop.identity.password;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (Bouncy Castle), stored as PHC strings. Passwords are NFKC-normalised first, so the
 * same Vietnamese password typed on keyboards that compose diacritics differently gives the same hash.
 */
@Singleton
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final PasswordConfiguration config;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore slots;
    private final PhcHash decoy;

    PasswordHasher(PasswordConfiguration config) {
        this.config = config;
        this.slots = new Semaphore(Math.max(1, config.maxConcurrent()), true);
        byte[] randomPassword = new byte[SALT_BYTES];
        random.nextBytes(randomPassword);
        this.decoy = PhcHash.parse(hash(new String(randomPassword, StandardCharsets.ISO_8859_1))).orElseThrow();
    }

    /** A new PHC string for {@code password}, with a random salt and the configured cost. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        var params = new PhcHash(config.memoryKib(), config.iterations(), config.parallelism(), salt, new byte[HASH_BYTES]);
        return params.withHash(derive(password, params)).format();
    }

    /** Whether {@code password} matches {@code phc}; compares in constant time. A malformed hash never matches. */
    public boolean verify(String password, String phc) {
        var stored = PhcHash.parse(phc);
        if (stored.isEmpty()) {
            spendOneHash(password);
            return false;
        }
        return MessageDigest.isEqual(derive(password, stored.get()), stored.get().hash());
    }

    /** Costs what one {@link #verify} costs, for logins that have no account to check against. */
    public void spendOneHash(String password) {
        MessageDigest.isEqual(derive(password, decoy), decoy.hash());
    }

    /** Whether {@code phc} was made with another cost than the configured one (or cannot be read). */
    public boolean needsRehash(String phc) {
        return PhcHash.parse(phc).map(stored -> !stored.sameCost(config)).orElse(true);
    }

    private byte[] derive(String password, PhcHash params) {
        byte[] secret = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[params.hash().length];
        var argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(params.salt())
                .build());
        slots.acquireUninterruptibly();
        try {
            argon2.generateBytes(secret, out);
            return out;
        } finally {
            slots.release();
            Arrays.fill(secret, (byte) 0);
        }
    }
}
