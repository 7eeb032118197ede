package vn.ocop.identity.login

import com.nimbusds.jwt.SignedJWT
import com.sun.net.httpserver.HttpServer
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.ApplicationContext
import io.micronaut.context.annotation.Property
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.util.concurrent.atomic.AtomicReference
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import vn.ocop.identity.account.StaffFixtures
import vn.ocop.platform.browser.HeadlessBrowser

import static vn.ocop.identity.IdentityFixtures.PASSWORD
import static vn.ocop.identity.IdentityFixtures.accessToken
import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.reset
import static vn.ocop.identity.IdentityFixtures.staff

/**
 * An officer logs in with the form in a real headless Chromium, and lands on the office pages at their own origin
 * (catalog's port; here a stand-in that tells whether the session cookie came along).
 */
@MicronautTest(transactional = false)
@Property(name = 'ocop.identity.bootstrap-admin.email', value = 'quantri@ocop.example.vn')
@Property(name = 'ocop.identity.bootstrap-admin.password', value = 'quản-trị-viên-2025')
@Property(name = 'ocop.identity.bootstrap-admin.display-name', value = 'Quản trị viên')
class OfficeLoginBrowserSpec extends Specification implements TestPropertyProvider {

    static HttpServer officePages
    static final AtomicReference<String> receivedSession = new AtomicReference<>()
    static final AtomicReference<String> identityOrigin = new AtomicReference<>()

    @Shared @AutoCleanup HeadlessBrowser browser = HeadlessBrowser.start()
    @Inject EmbeddedServer server
    @Inject ApplicationContext context
    @Inject @Client('/') HttpClient client
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    String officerId

    @Override
    Map<String, String> getProperties() {
        ['ocop.web.office-origin': officeOrigin()]
    }

    /** Catalog's /office pages as far as this spec needs them: another port on this host, saying whether a session came. */
    static synchronized String officeOrigin() {
        if (officePages == null) {
            officePages = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
            officePages.createContext('/office') { exchange ->
                def session = exchange.requestHeaders.getFirst('Cookie')?.split(';')*.trim()
                        ?.find { it.startsWith('ocop_session=') }?.substring('ocop_session='.length())
                receivedSession.set(session)
                byte[] page = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang cán bộ</title></head>'
                        + '<body><h1 id="office">Trang cán bộ</h1><p id="session">'
                        + (session ? 'có phiên đăng nhập' : 'không có phiên') + '</p>'
                        + '<form method="post" action="' + identityOrigin.get() + '/office/logout">'
                        + '<button id="logout" type="submit">Đăng xuất</button></form></body></html>').getBytes('UTF-8')
                exchange.responseHeaders.add('Content-Type', 'text/html;charset=utf-8')
                exchange.sendResponseHeaders(200, page.length)
                exchange.responseBody.withCloseable { it.write(page) }
            }
            officePages.start()
        }
        "http://localhost:${officePages.address.port}"
    }

    def cleanupSpec() {
        officePages?.stop(0)
    }

    def setup() {
        reset(tx, redis)
        StaffFixtures.createBootstrapAdmin(context)
        def admin = accessToken(client, 'quantri@ocop.example.vn', 'quản-trị-viên-2025')
        officerId = body(staff(client, admin, [displayName: 'Cán bộ Cần Thơ', phone: '0939111222', role: 'OFFICER',
                                               provinceCode: '92'])).accountId
        browser.clearCookies()
        receivedSession.set(null)
        identityOrigin.set(server.URL.toString().replaceAll('/+$', ''))
    }

    def "the officer fills the form in Chromium, gets the session cookie and lands on the office page asked for"() {
        when:
        browser.open(server.URL, '/office/login?next=%2Foffice%3Fyear%3D2025')

        then:
        browser.title() == 'Đăng nhập cán bộ – OCOP'
        browser.text('h1') == 'Đăng nhập cán bộ'
        browser.findAll('#error').isEmpty()
        browser.screenshot('identity-office-login').toFile().length() > 0

        when:
        browser.type('#login', '0939 111 222').type('#password', PASSWORD).clickAndWait('#submit')

        then: 'the office page, on its own port, got the session cookie'
        browser.currentUri().toString() == officeOrigin() + '/office?year=2025'
        browser.text('#session') == 'có phiên đăng nhập'
        def cookie = browser.sessionCookie()
        receivedSession.get() == cookie.value
        cookie != null
        cookie.httpOnly
        cookie.sameSite == 'Strict'
        cookie.path == '/'
        !cookie.secure
        def claims = SignedJWT.parse(cookie.value).JWTClaimsSet
        claims.subject == officerId
        claims.getStringListClaim('roles') == ['OFFICER']
        claims.getStringClaim('province') == '92'
        Math.abs(cookie.expiry.time - claims.expirationTime.time) <= 2000

        when: 'the browser reads identity\'s API with the cookie alone'
        browser.open(server.URL, '/api/v1/accounts/me')

        then:
        browser.text('body').contains('"province":"92"')
    }

    def "a wrong password shows the error on the form and sets no cookie"() {
        when:
        browser.open(server.URL, '/office/login')
                .type('#login', '0939111222').type('#password', 'sai-mật-khẩu').clickAndWait('#submit')

        then:
        browser.currentPage() == '/office/login'
        browser.text('#error') == 'Sai tên đăng nhập hoặc mật khẩu.'
        browser.attribute('#login', 'value') == '0939111222'
        browser.sessionCookie() == null
        browser.screenshot('identity-office-login-error').toFile().length() > 0
    }

    def "the logout button of an office page, on its own port, drops the cookie and shows the form"() {
        given:
        browser.open(server.URL, '/office/login')
                .type('#login', '0939111222').type('#password', PASSWORD).clickAndWait('#submit')
        assert browser.sessionCookie() != null

        when:
        browser.clickAndWait('#logout')

        then:
        browser.currentUri().toString() == server.URL.toString() + '/office/login'
        browser.sessionCookie() == null

        when: 'the office page is opened again'
        browser.open(officeOrigin() + '/office')

        then:
        browser.text('#session') == 'không có phiên'
    }
}
