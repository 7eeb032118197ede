package vn.ocop.identity.password

import spock.lang.Shared
import spock.lang.Specification

class PasswordHasherSpec extends Specification {

    static final String PHC = '^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$'

    @Shared PasswordHasher hasher = new PasswordHasher(new PasswordConfiguration(19456, 2, 1, 2))
    @Shared String stored = hasher.hash('Gạo ST25 ngon nhất')

    def "a hash is a PHC string with OWASP's cost, a 16-byte salt and a 32-byte hash, unpadded"() {
        when:
        def matcher = stored =~ PHC

        then:
        matcher.matches()
        Base64.decoder.decode(matcher.group(1)).length == 16
        Base64.decoder.decode(matcher.group(2)).length == 32
        !stored.endsWith('=')
    }

    def "the same password hashes differently each time (random salt)"() {
        expect:
        hasher.hash('Gạo ST25 ngon nhất') != stored
    }

    def "#candidate against the stored hash: #matches"() {
        expect:
        hasher.verify(candidate, stored) == matches

        where:
        candidate                                 || matches
        'Gạo ST25 ngon nhất'                      || true
        'Ga\u0323o ST25 ngon nha\u0302\u0301t'    || true
        'gạo ST25 ngon nhất'                      || false
        'Gạo ST25 ngon nhất '                     || false
        'Gao ST25 ngon nhat'                      || false
        ''                                        || false
    }

    def "a hash from the Argon2 reference implementation verifies"() {
        given: 'the reference test vector for Argon2id v1.3, m=64 MiB, t=2, p=1'
        def reference = '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc'

        expect:
        hasher.verify('password', reference)
        !hasher.verify('passwore', reference)
    }

    def "a malformed stored hash (#stored) never verifies"() {
        expect:
        !hasher.verify('password', stored)

        where:
        stored << [null, '', 'password', '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
                   '$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc']
    }

    def "a hash made with another cost (#cost) needs rehashing: #needed"() {
        expect:
        hasher.needsRehash(phc) == needed

        where:
        cost              | phc                                                                                           || needed
        'the current one' | stored                                                                                        || false
        'more memory'     | '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc'      || true
        'fewer passes'    | stored.replace('t=2', 't=1')                                                                  || true
        'unreadable'      | 'plain text'                                                                                  || true
    }
}
