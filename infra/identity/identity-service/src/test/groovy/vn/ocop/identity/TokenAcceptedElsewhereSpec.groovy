package vn.ocop.identity

import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.security.token.jwt.nimbus.ReactiveJwksSignature
import io.micronaut.security.token.jwt.signature.SignatureConfiguration
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration
import io.micronaut.transaction.TransactionOperations
import io.lettuce.core.api.StatefulRedisConnection
import java.sql.Connection
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static vn.ocop.identity.IdentityFixtures.accessToken
import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.call
import static vn.ocop.identity.IdentityFixtures.register
import static vn.ocop.identity.IdentityFixtures.reset

/** Another service, verifying tokens only through identity's JWKS over HTTP, accepts identity's tokens. */
class TokenAcceptedElsewhereSpec extends Specification {

    @Shared @AutoCleanup EmbeddedServer identity = ApplicationContext.run(EmbeddedServer,
            ['ocop.events.consumer.enabled': 'false'], 'test')
    @Shared @AutoCleanup EmbeddedServer service = ApplicationContext.run(EmbeddedServer,
            ['spec.name'                                                 : 'TokenAcceptedElsewhereSpec',
             'ocop.service.name'                                         : 'probeservice',
             'ocop.events.consumer.enabled'                              : 'false',
             'ocop.events.relay.enabled'                                 : 'false',
             'micronaut.security.token.jwt.signatures.jwks.identity.url': "${identity.URL}/.well-known/jwks.json".toString()],
            'test')
    @Shared @AutoCleanup HttpClient identityClient = HttpClient.create(identity.URL)
    @Shared @AutoCleanup HttpClient serviceClient = HttpClient.create(service.URL)

    def setup() {
        reset(identity.applicationContext.getBean(TransactionOperations) as TransactionOperations<Connection>,
                identity.applicationContext.getBean(StatefulRedisConnection) as StatefulRedisConnection<String, String>)
    }

    def "the other service knows identity's key only from the JWKS URL"() {
        expect:
        !service.applicationContext.containsBean(RSASignatureConfiguration)
        service.applicationContext.getBeansOfType(SignatureConfiguration).isEmpty()
        service.applicationContext.getBeansOfType(ReactiveJwksSignature).size() == 1

        and: 'while identity verifies with its own key, not over HTTP'
        identity.applicationContext.containsBean(RSASignatureConfiguration)
        identity.applicationContext.getBeansOfType(ReactiveJwksSignature).isEmpty()
    }

    def "a buyer's token from identity is accepted by the other service, which reads its claims"() {
        given:
        def accountId = body(register(identityClient, [phone: '0912345678'])).accountId
        def token = accessToken(identityClient, '0912345678')

        when:
        def response = call(serviceClient, HttpRequest.GET('/probe').bearerAuth(token))

        then:
        response.status().code == 200
        body(response) == [accountId: accountId, roles: ['BUYER']]
    }

    def "a tampered token is refused with 401, and a token without the role with 403"() {
        given:
        register(identityClient, [phone: '0912345678'])
        def token = accessToken(identityClient, '0912345678')
        def parts = token.split('\\.')
        def claims = new String(Base64.urlDecoder.decode(parts[1]), 'UTF-8').replace('"BUYER"', '"SELLER"')
        def tampered = parts[0] + '.' + Base64.urlEncoder.withoutPadding().encodeToString(claims.getBytes('UTF-8')) + '.' + parts[2]

        and: 'a seller, whose token is genuine but lacks the role'
        call(identityClient, HttpRequest.POST('/api/v1/auth/register/seller', [
                displayName : 'HTX Hồ Quang', phone: '0987654321', password: IdentityFixtures.PASSWORD,
                sellerType  : 'COOPERATIVE', legalName: 'Hợp tác xã Hồ Quang', provinceCode: '92', communeCode: '31900']))
        def seller = accessToken(identityClient, '0987654321')

        expect:
        call(serviceClient, HttpRequest.GET('/probe').bearerAuth(tampered)).status().code == 401
        call(serviceClient, HttpRequest.GET('/probe')).status().code == 401
        call(serviceClient, HttpRequest.GET('/probe').bearerAuth(seller)).status().code == 403
    }
}
