package vn.ocop.identity.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and
 * hash in base64 without padding.
 */
record PhcHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    static final int VERSION = 19;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    static Optional<PhcHash> parse(String phc) {
        Matcher m = FORMAT.matcher(phc == null ? "" : phc);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            var decoder = Base64.getDecoder();
            return Optional.of(new PhcHash(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), decoder.decode(m.group(4)), decoder.decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String format() {
        return "$argon2id$v=" + VERSION + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    PhcHash withHash(byte[] derived) {
        return new PhcHash(memoryKib, iterations, parallelism, salt, derived);
    }

    boolean sameCost(PasswordConfiguration config) {
        return memoryKib == config.memoryKib() && iterations == config.iterations() && parallelism == config.parallelism();
    }
}
