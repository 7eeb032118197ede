package vn.ocop.identity.login

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.ApplicationContext
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.DefaultHttpClientConfiguration
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import spock.lang.Specification
import vn.ocop.identity.account.StaffFixtures

import static vn.ocop.identity.IdentityFixtures.reset

/** Behind HTTPS (ocop.web.secure-cookies), the session cookie is sent over HTTPS only. */
@MicronautTest(transactional = false)
@Property(name = 'ocop.web.secure-cookies', value = 'true')
@Property(name = 'ocop.identity.bootstrap-admin.email', value = 'quantri@ocop.example.vn')
@Property(name = 'ocop.identity.bootstrap-admin.password', value = 'quản-trị-viên-2025')
@Property(name = 'ocop.identity.bootstrap-admin.display-name', value = 'Quản trị viên')
class OfficeLoginSecureCookieSpec extends Specification {

    @Inject EmbeddedServer server
    @Inject ApplicationContext context
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis

    def "the cookie set at login and the one clearing it at logout are Secure"() {
        given:
        reset(tx, redis)
        StaffFixtures.createBootstrapAdmin(context)
        def client = context.createBean(HttpClient, server.URL, new DefaultHttpClientConfiguration(followRedirects: false))

        when:
        def login = client.toBlocking().exchange(HttpRequest.POST('/office/login',
                [login: 'quantri@ocop.example.vn', password: 'quản-trị-viên-2025']).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String)
        def logout = client.toBlocking().exchange(HttpRequest.POST('/office/logout', '')
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String)

        then:
        login.status().code == 303
        secure(login.headers.getAll('Set-Cookie'))
        secure(logout.headers.getAll('Set-Cookie'))

        cleanup:
        client?.close()
    }

    private static boolean secure(List<String> headers) {
        def session = headers.find { it.startsWith('ocop_session=') }
        session != null && session.split(';')*.trim()*.toLowerCase().contains('secure')
    }
}
