package vn.ocop.platform.security

import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer
import java.time.Instant
import java.time.temporal.ChronoUnit
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** A service verifies RS256 tokens against the issuer's JWKS, fetched over HTTP as in production. */
class ResourceServerSpec extends Specification {

    static final String ISSUER = 'ocop-identity'
    static final String ACCOUNT = '0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b'

    @Shared @AutoCleanup EmbeddedServer issuer = ApplicationContext.run(EmbeddedServer,
            ['ocop.service.name'           : 'jwksissuer', 'ocop.test.jwks': 'serve',
             'ocop.events.consumer.enabled': 'false', 'ocop.events.relay.enabled': 'false'], 'test')
    @Shared @AutoCleanup EmbeddedServer service = ApplicationContext.run(EmbeddedServer,
            ['spec.name'                                             : 'ResourceServerSpec',
             'ocop.service.name'                                     : 'resourcespec',
             'ocop.events.consumer.enabled'                          : 'false',
             'ocop.events.relay.enabled'                             : 'false',
             'micronaut.security.token.jwt.signatures.jwks.identity.url': "${issuer.URL}/test-jwks".toString(),
             'micronaut.security.token.jwt.claims-validators.issuer'  : ISSUER,
             'micronaut.security.token.jwt.claims-validators.audience': 'ocop',
             'micronaut.security.token.jwt.claims-validators.not-before': 'true'], 'test')
    @Shared @AutoCleanup HttpClient client = HttpClient.create(service.URL)

    def "a token signed by the issuer is accepted and its claims are readable"() {
        when:
        def response = call('/whoami', token(roles: ['OFFICER'], province: '92'))

        then:
        response.status().code == 200
        response.getBody(Map).get() == [accountId: ACCOUNT, roles: ['OFFICER'], province: '92']
    }

    def "#problem is refused with 401"() {
        expect:
        call('/whoami', bearer).status().code == 401

        where:
        problem                    | bearer
        'an expired token'         | token(issuedAt: Instant.now().minus(2, ChronoUnit.HOURS), expiresAt: Instant.now().minus(1, ChronoUnit.HOURS))
        'a token not yet valid'    | token(issuedAt: Instant.now().plus(1, ChronoUnit.HOURS), expiresAt: Instant.now().plus(2, ChronoUnit.HOURS))
        'a tampered token'         | tamper(token(roles: ['BUYER']))
        'a token signed elsewhere' | token(key: TestJwks.FOREIGN_KEY)
        'a token of another issuer'| token(issuer: 'someone-else')
        'garbage'                  | 'not-a-jwt'
    }

    def "a valid token without the required role is refused with 403"() {
        expect:
        call('/whoami', token(roles: ['SELLER'])).status().code == 403
        call('/api/v1/admin/resourcespec/dead-letters', token(roles: ['BUYER'])).status().code == 403
    }

    private HttpResponse<?> call(String path, String bearer) {
        try {
            client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(bearer), Map)
        } catch (HttpClientResponseException e) {
            e.response
        }
    }

    private static String token(Map args = [:]) {
        Instant now = Instant.now()
        TestJwks.token(args.key ?: TestJwks.KEY, ACCOUNT, args.roles ?: ['BUYER'], args.province as String,
                args.issuer ?: ISSUER, args.issuedAt ?: now.minusSeconds(5), args.expiresAt ?: now.plusSeconds(300))
    }

    /** Changes one character of the payload, keeping the signature. */
    private static String tamper(String jwt) {
        def parts = jwt.split('\\.')
        def payload = new String(Base64.urlDecoder.decode(parts[1])).replace('BUYER', 'ADMIN')
        parts[0] + '.' + Base64.urlEncoder.withoutPadding().encodeToString(payload.bytes) + '.' + parts[2]
    }
}
