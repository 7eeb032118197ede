package vn.ocop.identity.login

import com.nimbusds.jwt.SignedJWT
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.ApplicationContext
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.DefaultHttpClientConfiguration
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import spock.lang.Specification
import vn.ocop.identity.account.StaffFixtures
import vn.ocop.platform.Infra

import static vn.ocop.identity.IdentityFixtures.PASSWORD
import static vn.ocop.identity.IdentityFixtures.accessToken
import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.register
import static vn.ocop.identity.IdentityFixtures.reset
import static vn.ocop.identity.IdentityFixtures.staff

/** The officers' login form: same checks as the JSON login, a session cookie for reading, a safe way back. */
@MicronautTest(transactional = false)
@Property(name = 'ocop.identity.bootstrap-admin.email', value = OfficeLoginSpec.ADMIN_EMAIL)
@Property(name = 'ocop.identity.bootstrap-admin.password', value = OfficeLoginSpec.ADMIN_PASSWORD)
@Property(name = 'ocop.identity.bootstrap-admin.display-name', value = 'Quản trị viên')
// Micronaut refuses any foreign Origin to a server on localhost by itself; the spec checks the controller's own refusal,
// which is what guards a server reached by its public name.
@Property(name = 'micronaut.server.cors.localhost-pass-through', value = 'true')
class OfficeLoginSpec extends Specification {

    static final String ADMIN_EMAIL = 'quantri@ocop.example.vn'
    static final String ADMIN_PASSWORD = 'quản-trị-viên-2025'
    static final String OFFICER_PHONE = '0939111222'

    @Inject EmbeddedServer server
    @Inject ApplicationContext context
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    HttpClient client
    String officerId

    def setup() {
        client = context.createBean(HttpClient, server.URL, new DefaultHttpClientConfiguration(followRedirects: false))
        reset(tx, redis)
        StaffFixtures.createBootstrapAdmin(context)
        officerId = body(staff(client, admin(), [displayName : 'Cán bộ Cần Thơ', phone: OFFICER_PHONE, role: 'OFFICER',
                                                 provinceCode: '92'])).accountId
    }

    def cleanup() {
        client?.close()
    }

    def "the form is a small Vietnamese page that loads nothing from elsewhere"() {
        when:
        def response = page(HttpRequest.GET('/office/login?next=%2Foffice%2Freports%3Fyear%3D2025%26tab%3D1'))
        def html = response.body()

        then:
        response.status().code == 200
        response.contentType.get().toString() == 'text/html;charset=utf-8'
        html.contains('<html lang="vi"')
        html.contains('<title>Đăng nhập cán bộ – OCOP</title>')
        html.contains('<form id="login-form" method="post" action="/office/login"')
        html.contains('<input type="hidden" name="next" value="/office/reports?year=2025&amp;tab=1">')
        html.contains('autocomplete="current-password"')
        !html.contains('id="error"')
        !(html =~ /(?i)(src|href)=/)
        response.header('Content-Security-Policy').startsWith("default-src 'none'")
        response.header('Cache-Control') == 'no-store'
        response.header('Set-Cookie') == null
    }

    def "an unsafe next is not carried in the form: #next"() {
        expect:
        !page(HttpRequest.GET('/office/login?next=' + URLEncoder.encode(next, 'UTF-8'))).body().contains('name="next"')

        where:
        next << ['https://evil.example/office', '//evil.example/office', '/api/v1/accounts/me', '/\\evil.example']
    }

    def "an officer logs in: the session cookie holds the officer's access token, and the browser goes back to #next"() {
        when:
        def response = post(form(login: '0939 111 222', password: PASSWORD, next: next))

        then:
        response.status().code == 303
        response.header('Location') == location
        response.header('Cache-Control') == 'no-store'

        and: 'the cookie: HttpOnly, SameSite=Strict, for the whole host, not Secure here, as long as the token'
        def cookie = setCookie(response)
        cookie.attributes.contains('httponly')
        cookie.attributes.contains('samesite=strict')
        cookie.attributes.contains('path=/')
        cookie.attributes.contains('max-age=900')
        !cookie.attributes.contains('secure')
        def claims = SignedJWT.parse(cookie.value).JWTClaimsSet
        claims.subject == officerId
        claims.getStringListClaim('roles') == ['OFFICER']
        claims.getStringClaim('province') == '92'

        and: 'no refresh token is kept for a browser'
        Infra.rows(tx, 'SELECT id FROM refresh_tokens WHERE account_id = ?', [officerId]).isEmpty()

        where:
        next                                  || location
        '/office?year=2025&tab=c%C3%A2y'      || '/office?year=2025&tab=c%C3%A2y'
        '/office/reports/coverage'            || '/office/reports/coverage'
        null                                  || '/office'
        ''                                    || '/office'
        'https://evil.example/office'         || '/office'
        '//evil.example/office'               || '/office'
        '/\\evil.example/office'              || '/office'
        '/api/v1/admin/accounts'              || '/office'
        '/office/../api/v1/admin/accounts'    || '/office'
        'javascript:alert(1)'                 || '/office'
    }

    def "the cookie reads: GET with it is the officer; it authorises no change, even an administrator's"() {
        given:
        def officerCookie = setCookie(post(form(login: OFFICER_PHONE, password: PASSWORD))).value
        def adminCookie = setCookie(post(form(login: ADMIN_EMAIL, password: ADMIN_PASSWORD))).value

        expect:
        def me = json(HttpRequest.GET('/api/v1/accounts/me').cookie(io.micronaut.http.cookie.Cookie.of('ocop_session', officerCookie)))
        me.status().code == 200
        body(me).id == officerId
        body(me).province == '92'

        when: 'the administrator\'s cookie alone tries to create an account'
        def created = json(HttpRequest.POST('/api/v1/admin/accounts', [displayName: 'Cán bộ mới', phone: '0939000111',
                password: PASSWORD, role: 'OFFICER', provinceCode: '92']).cookie(io.micronaut.http.cookie.Cookie.of('ocop_session', adminCookie)))

        then:
        created.status().code == 401
        Infra.rows(tx, "SELECT id FROM accounts WHERE phone = '0939000111'").isEmpty()
    }

    def "a wrong password shows the form again with the reason, keeps the login typed, sets nothing"() {
        when:
        def response = post(form(login: OFFICER_PHONE, password: 'sai-mật-khẩu', next: '/office?year=2025'))

        then:
        response.status().code == 401
        response.contentType.get().toString() == 'text/html;charset=utf-8'
        response.body().contains('<p id="error" class="error" role="alert">Sai tên đăng nhập hoặc mật khẩu.</p>')
        response.body().contains('value="0939111222"')
        response.body().contains('<input type="hidden" name="next" value="/office?year=2025">')
        response.header('Set-Cookie') == null
    }

    def "what the form echoes is escaped"() {
        when:
        def response = post(form(login: '<script>alert("x")</script>', password: 'không-đúng'))

        then:
        response.status().code == 401
        !response.body().contains('<script>')
        response.body().contains('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"')
    }

    def "failed form logins count with the API's: the sixth try is refused for a while, by the form and the API alike"() {
        when:
        def failures = (1..5).collect { post(form(login: OFFICER_PHONE, password: 'sai-mật-khẩu')).status().code }
        def throttled = post(form(login: OFFICER_PHONE, password: PASSWORD))

        then:
        failures == [401] * 5
        throttled.status().code == 429
        (throttled.header('Retry-After') as int) > 0
        throttled.body().contains('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ' + throttled.header('Retry-After') + ' giây.')
        throttled.header('Set-Cookie') == null

        and: 'the API refuses the right password too'
        json(HttpRequest.POST('/api/v1/auth/login', [login: OFFICER_PHONE, password: PASSWORD])).status().code == 429
    }

    def "#what is refused with #status and the form, setting nothing"() {
        given:
        register(client, [displayName: 'Người mua', phone: '0912345678'])

        when:
        def response = post(request)

        then:
        response.status().code == status
        response.body().contains(error)
        response.header('Set-Cookie') == null

        where:
        what                       | request                                                                                  || status | error
        'a login without password' | form(login: OFFICER_PHONE, password: '')                                                 || 400    | 'Vui lòng nhập số điện thoại hoặc e-mail và mật khẩu.'
        'an empty form'            | form([:])                                                                                || 400    | 'Vui lòng nhập số điện thoại hoặc e-mail và mật khẩu.'
        'a far too long login'     | form(login: 'a' * 400 + '@example.vn', password: PASSWORD)                               || 400    | 'Tên đăng nhập hoặc mật khẩu quá dài.'
        'a buyer\'s right password'| form(login: '0912345678', password: PASSWORD)                                            || 403    | 'Trang này chỉ dành cho cán bộ và quản trị viên.'
        'a post from another site' | form(login: OFFICER_PHONE, password: PASSWORD).header('Origin', 'https://evil.example')  || 403    | 'Biểu mẫu được gửi từ một trang khác'
        'an opaque origin'         | form(login: OFFICER_PHONE, password: PASSWORD).header('Origin', 'null')                  || 403    | 'Biểu mẫu được gửi từ một trang khác'
    }

    def "a post from this site's own page is accepted, also behind a proxy naming the public host"() {
        expect:
        post(form(login: OFFICER_PHONE, password: PASSWORD).header('Origin', "http://${server.host}:${server.port}".toString()))
                .status().code == 303
        post(form(login: OFFICER_PHONE, password: PASSWORD).header('Origin', 'https://ocop.example.vn')
                .header('X-Forwarded-Host', 'ocop.example.vn')).status().code == 303
    }

    def "an administrator may log in to the office pages too"() {
        expect:
        post(form(login: ADMIN_EMAIL, password: ADMIN_PASSWORD)).status().code == 303
    }

    def "logging out clears the cookie and shows the form"() {
        when:
        def response = post(HttpRequest.POST('/office/logout', '').contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE))

        then:
        response.status().code == 303
        response.header('Location') == '/office/login'
        def cookie = setCookie(response)
        cookie.value == ''
        cookie.attributes.contains('max-age=0')
        cookie.attributes.contains('path=/')

        and: 'not when another site asks for it'
        post(HttpRequest.POST('/office/logout', '').contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header('Origin', 'https://evil.example')).status().code == 403
    }

    private String admin() {
        accessToken(client, ADMIN_EMAIL, ADMIN_PASSWORD)
    }

    private static MutableHttpRequest<?> form(Map<String, String> fields) {
        HttpRequest.POST('/office/login', fields.findAll { it.value != null })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
    }

    private HttpResponse<String> page(MutableHttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<String>
        }
    }

    private HttpResponse<String> post(MutableHttpRequest<?> request) {
        page(request)
    }

    private HttpResponse<Map<String, Object>> json(MutableHttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, Map) as HttpResponse<Map<String, Object>>
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Map<String, Object>>
        }
    }

    /** The session cookie the response sets: its value and its attributes, lower-cased. */
    private static Map setCookie(HttpResponse<?> response) {
        def header = response.headers.getAll('Set-Cookie').find { it.startsWith('ocop_session=') }
        assert header != null
        def parts = header.split(';')*.trim()
        [value: parts[0].substring('ocop_session='.length()), attributes: parts.drop(1)*.toLowerCase()]
    }
}
