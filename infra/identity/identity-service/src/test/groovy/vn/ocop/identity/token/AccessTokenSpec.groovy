package vn.ocop.identity.token

import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.crypto.RSASSAVerifier
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jose.jwk.RSAKey
import com.nimbusds.jwt.SignedJWT
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.nio.file.Files
import java.sql.Connection
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.Specification
import vn.ocop.platform.Infra
import vn.ocop.platform.security.TestJwks

import static vn.ocop.identity.IdentityFixtures.accessToken
import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.call
import static vn.ocop.identity.IdentityFixtures.me
import static vn.ocop.identity.IdentityFixtures.register
import static vn.ocop.identity.IdentityFixtures.reset

@MicronautTest(transactional = false)
class AccessTokenSpec extends Specification {

    @Inject @Client('/') HttpClient client
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject SigningKeys keys
    @Inject SigningKeyRepository repository
    String accountId

    def setup() {
        reset(tx, redis)
        accountId = body(register(client, [displayName: 'Trần Thị Mai', phone: '0912345678'])).accountId
    }

    def "the JWKS endpoint serves the public key that verifies an issued token"() {
        when:
        def response = client.toBlocking().exchange(HttpRequest.GET('/.well-known/jwks.json'), String)
        def jwks = JWKSet.parse(response.body())

        then: 'one public RSA key, cacheable for 5 minutes'
        response.header('Cache-Control') == 'max-age=300'
        jwks.keys.size() == 1
        def key = jwks.keys.first() as RSAKey
        !key.private
        key.keyID == keys.active().keyID
        key.toRSAPublicKey().modulus.bitLength() == 2048

        when:
        def jwt = SignedJWT.parse(accessToken(client, '0912345678'))

        then: 'the token is RS256, names the key, and verifies with it'
        jwt.header.algorithm == JWSAlgorithm.RS256
        jwt.header.keyID == key.keyID
        jwt.verify(new RSASSAVerifier(key))

        and: 'it carries who the caller is, for 15 minutes'
        def claims = jwt.JWTClaimsSet
        claims.issuer == 'ocop-identity'
        claims.audience == ['ocop']
        claims.subject == accountId
        claims.getStringListClaim('roles') == ['BUYER']
        claims.getStringClaim('name') == 'Trần Thị Mai'
        claims.getClaim('province') == null
        claims.notBeforeTime == claims.issueTime
        Duration.between(claims.issueTime.toInstant(), claims.expirationTime.toInstant()) == Duration.ofMinutes(15)
    }

    def "the own account with #problem is a 401"() {
        expect:
        me(client, bearer(problem)).status().code == 401

        where:
        problem << ['an expired token', 'a tampered token', 'a token signed by another key', 'garbage']
    }

    def "a token that has not expired yet is accepted"() {
        expect:
        me(client, tokenIssuedAt(Instant.now().minus(Duration.ofMinutes(14)))).status().code == 200
    }

    def "the signing key survives a restart: a new context signs with the same kid"() {
        given:
        def kid = keys.active().keyID

        when:
        def restarted = ApplicationContext.run(['ocop.events.relay.enabled': 'false', 'ocop.events.consumer.enabled': 'false'], 'test')

        then:
        restarted.getBean(SigningKeys).active().keyID == kid
        Infra.count(tx, 'SELECT COUNT(*) FROM signing_keys WHERE active') == 1

        cleanup:
        restarted?.close()
    }

    def "instances creating the first key at once all end up with the same, single active key"() {
        given: 'no key yet (the current one is put back afterwards)'
        def saved = Infra.rows(tx, 'SELECT kid, private_key, created_at, active FROM signing_keys')
        Infra.execute(tx, 'DELETE FROM signing_keys')
        def pool = Executors.newFixedThreadPool(4)

        when:
        def kids = pool.invokeAll((1..4).collect {
            { -> new SigningKeys(repository, Clock.systemUTC(), null).active().keyID } as Callable<String>
        })*.get()

        then:
        kids.unique().size() == 1
        Infra.rows(tx, 'SELECT kid FROM signing_keys WHERE active')*.kid == kids.unique()

        cleanup:
        pool.shutdown()
        Infra.execute(tx, 'DELETE FROM signing_keys')
        saved.each {
            Infra.execute(tx, 'INSERT INTO signing_keys (kid, private_key, created_at, active) VALUES (?, ?, ?, ?)',
                    [it.kid, it.private_key, it.created_at, it.active])
        }
    }

    def "a configured PKCS#8 PEM file is used instead of the stored key"() {
        given:
        def key = RsaKeys.generate()
        def pem = Files.createTempFile('identity-key', '.pem')
        Files.writeString(pem, '-----BEGIN PRIVATE KEY-----\n' + Base64.mimeEncoder.encodeToString(key.toRSAPrivateKey().encoded)
                + '\n-----END PRIVATE KEY-----\n')

        when:
        def fromFile = new SigningKeys(repository, Clock.systemUTC(), pem.toString())

        then:
        fromFile.active().keyID == key.keyID
        fromFile.active().toRSAPublicKey() == key.toRSAPublicKey()
        fromFile.active().keyID != keys.active().keyID

        cleanup:
        Files.deleteIfExists(pem)
    }

    private String bearer(String problem) {
        switch (problem) {
            case 'an expired token': return tokenIssuedAt(Instant.now().minus(Duration.ofMinutes(16)))
            case 'a tampered token': return tamper(accessToken(client, '0912345678'))
            case 'a token signed by another key': return TestJwks.token(TestJwks.FOREIGN_KEY, accountId, ['BUYER'], null,
                    'ocop-identity', Instant.now(), Instant.now().plusSeconds(60))
            default: return 'not-a-jwt'
        }
    }

    private String tokenIssuedAt(Instant issuedAt) {
        def clock = Clock.fixed(issuedAt, ZoneOffset.UTC)
        new AccessTokens(keys, new TokenConfiguration(Duration.ofMinutes(15), Duration.ofDays(30)), clock, 'ocop-identity', 'ocop')
                .issue(UUID.fromString(accountId), 'Trần Thị Mai', ['BUYER'], null)
    }

    /** Turns the BUYER in the payload into ADMIN, keeping the signature. */
    private static String tamper(String jwt) {
        def parts = jwt.split('\\.')
        def payload = new String(Base64.urlDecoder.decode(parts[1]), 'UTF-8').replace('BUYER', 'ADMIN')
        assert payload.contains('ADMIN')
        parts[0] + '.' + Base64.urlEncoder.withoutPadding().encodeToString(payload.getBytes('UTF-8')) + '.' + parts[2]
    }
}
