package vn.ocop.platform.security

import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.DefaultHttpClientConfiguration
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.http.cookie.Cookie
import io.micronaut.http.cookie.SameSite
import io.micronaut.runtime.server.EmbeddedServer
import java.time.Duration
import java.time.Instant
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * A service accepts identity's session cookie like a bearer token, but for GET and HEAD only, and sends a browser
 * without a valid one from its /office pages to the login form.
 */
class BrowserSessionSpec extends Specification {

    static final UUID OFFICER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a01')
    static final UUID BUYER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a02')

    @Shared @AutoCleanup EmbeddedServer service = ApplicationContext.run(EmbeddedServer,
            ['ocop.service.name'           : 'sessionspec',
             'ocop.test.session-probe'     : 'on',
             'ocop.events.consumer.enabled': 'false',
             'ocop.events.relay.enabled'   : 'false'] + TestIdentity.properties(), 'test')
    @Shared @AutoCleanup HttpClient client = service.applicationContext.createBean(HttpClient, service.URL,
            new DefaultHttpClientConfiguration(followRedirects: false))

    def "a GET or HEAD with the session cookie is authenticated as the token's account"() {
        given:
        def cookie = TestIdentity.officer(OFFICER, '92')

        when:
        def get = call(HttpRequest.GET('/session-probe').cookie(session(cookie)))
        def head = call(HttpRequest.HEAD('/session-probe').cookie(session(cookie)))

        then:
        get.status().code == 200
        get.getBody(Map).get() == [accountId: OFFICER.toString(), roles: ['OFFICER']]
        head.status().code == 200
    }

    def "a #method with only the session cookie is refused with 401, and the action does not run"() {
        when:
        def response = call(HttpRequest.create(method, '/session-probe').body([:]).cookie(session(TestIdentity.officer(OFFICER, '92'))))

        then:
        response.status().code == 401
        !response.getBody(Map).orElse([:]).containsKey('changedBy')

        and: 'the same token as a bearer token is accepted'
        call(HttpRequest.create(method, '/session-probe').body([:]).bearerAuth(TestIdentity.officer(OFFICER, '92')))
                .getBody(Map).get() == [changedBy: OFFICER.toString()]

        where:
        method << [io.micronaut.http.HttpMethod.POST, io.micronaut.http.HttpMethod.PUT, io.micronaut.http.HttpMethod.DELETE,
                   io.micronaut.http.HttpMethod.PATCH]
    }

    def "#problem in the session cookie is refused with 401"() {
        expect:
        call(HttpRequest.GET('/session-probe').cookie(session(value))).status().code == 401

        where:
        problem                    | value
        'an expired token'         | token(issuedAt: Instant.now().minusSeconds(7200), expiresAt: Instant.now().minusSeconds(3600))
        'a tampered token'         | tamper(token(roles: ['BUYER']))
        'a token signed elsewhere' | token(key: TestJwks.FOREIGN_KEY)
        'a token of another issuer'| token(issuer: 'someone-else')
        'garbage'                  | 'not-a-jwt'
    }

    def "an Authorization header wins over the cookie, even an invalid one"() {
        given:
        def officer = TestIdentity.officer(OFFICER, '92')

        expect: 'a broken bearer token is not rescued by a good cookie'
        call(HttpRequest.GET('/session-probe').bearerAuth('not-a-jwt').cookie(session(officer))).status().code == 401

        and: 'a good bearer token speaks for the request, whatever the cookie says'
        call(HttpRequest.GET('/session-probe').bearerAuth(TestIdentity.buyer(BUYER)).cookie(session(officer)))
                .getBody(Map).get().accountId == BUYER.toString()
    }

    def "an officer's page answers the officer whose cookie the browser sends"() {
        when:
        def response = client.toBlocking().exchange(
                HttpRequest.GET('/office/probe?year=2024').cookie(session(TestIdentity.officer(OFFICER, '92'))), String)

        then:
        response.status().code == 200
        response.contentType.get().name == 'text/html'
        response.body().contains('Cán bộ tỉnh 92 — năm 2024')
    }

    def "a browser without a valid session is sent from an office page to the login form, returning there after: #why"() {
        when:
        def response = call(request)

        then:
        response.status().code == 303
        response.header('Location') == '/office/login?next=%2Foffice%2Fprobe%3Fyear%3D2024%26tab%3Dc%25C3%25A2y'
        BrowserSession.safeNext(URLDecoder.decode(response.header('Location').substring('/office/login?next='.length()), 'UTF-8'))
                == Optional.of('/office/probe?year=2024&tab=c%C3%A2y')

        where:
        why                     | request
        'no cookie'             | HttpRequest.GET('/office/probe?year=2024&tab=c%C3%A2y')
        'an expired cookie'     | HttpRequest.GET('/office/probe?year=2024&tab=c%C3%A2y').cookie(session(token(roles: ['OFFICER'], province: '92', issuedAt: Instant.now().minusSeconds(7200), expiresAt: Instant.now().minusSeconds(3600))))
        'a tampered cookie'     | HttpRequest.GET('/office/probe?year=2024&tab=c%C3%A2y').cookie(session(tamper(token(roles: ['BUYER']))))
        'a HEAD without cookie' | HttpRequest.HEAD('/office/probe?year=2024&tab=c%C3%A2y')
    }

    def "services on their own ports send the browser to identity's origin, as configured"() {
        given:
        def other = ApplicationContext.run(EmbeddedServer,
                ['ocop.service.name'           : 'sessionspec2',
                 'ocop.test.session-probe'     : 'on',
                 'ocop.web.login-origin'       : 'http://127.0.0.1:8081/',
                 'ocop.events.consumer.enabled': 'false',
                 'ocop.events.relay.enabled'   : 'false'] + TestIdentity.properties(), 'test')
        def otherClient = other.applicationContext.createBean(HttpClient, other.URL,
                new DefaultHttpClientConfiguration(followRedirects: false))

        when:
        def response = otherClient.toBlocking().exchange(HttpRequest.GET('/office/probe?year=2024'), String)

        then:
        response.status().code == 303
        response.header('Location') == 'http://127.0.0.1:8081/office/login?next=%2Foffice%2Fprobe%3Fyear%3D2024'

        cleanup:
        otherClient?.close()
        other?.close()
    }

    def "only GETs of office pages are redirected: #what keeps its #status"() {
        expect:
        call(request).status().code == status

        where:
        what                                | request                                                                                       || status
        'a POST to an office page'          | HttpRequest.POST('/office/probe', [:])                                                       || 401
        'a POST with only the cookie'       | HttpRequest.POST('/office/probe', [:]).cookie(session(TestIdentity.officer(OFFICER, '92'))) || 401
        'an API read without a token'       | HttpRequest.GET('/session-probe')                                                            || 401
        'a buyer on an officers\' page'     | HttpRequest.GET('/office/probe').cookie(session(TestIdentity.buyer(BUYER)))                  || 403
    }

    def "an API's 401 stays problem+json, even for a browser asking for HTML"() {
        when:
        def response = call(HttpRequest.GET('/session-probe').accept('text/html,application/xhtml+xml,*/*;q=0.8'))

        then:
        response.status().code == 401
        response.contentType.get().toString().startsWith('application/problem+json')
        response.getBody(Map).get().code == 'unauthorized'
    }

    def "a browser asking for an office page as HTML is redirected too"() {
        expect:
        call(HttpRequest.GET('/office/probe').accept('text/html,application/xhtml+xml,*/*;q=0.8'))
                .header('Location') == '/office/login?next=%2Foffice%2Fprobe'
    }

    def "the session cookie is HttpOnly, SameSite=Strict, for the whole host, lives as long as the token, and is Secure when configured"() {
        when:
        def plain = service.applicationContext.getBean(SessionCookies).session('a.b.c', Duration.ofMinutes(15))
        def secure = new SessionCookies(true).session('a.b.c', Duration.ofMinutes(15))
        def cleared = service.applicationContext.getBean(SessionCookies).cleared()

        then:
        plain.name == 'ocop_session'
        plain.value == 'a.b.c'
        plain.httpOnly
        plain.sameSite.get() == SameSite.Strict
        plain.path == '/'
        plain.maxAge == 900
        !plain.secure
        secure.secure

        and: 'clearing it tells the browser to drop it at once'
        cleared.name == 'ocop_session'
        cleared.maxAge == 0
        cleared.path == '/'
    }

    private HttpResponse<Map> call(MutableHttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, Map)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Map>
        }
    }

    private static Cookie session(String token) {
        Cookie.of(BrowserSession.COOKIE, token)
    }

    private static String token(Map args = [:]) {
        Instant now = Instant.now()
        TestJwks.token(args.key ?: TestJwks.KEY, OFFICER.toString(), args.roles ?: ['OFFICER'], args.province as String,
                args.issuer ?: 'ocop-identity', args.issuedAt ?: now.minusSeconds(5), args.expiresAt ?: now.plusSeconds(300))
    }

    /** Turns a buyer's token into an officer's, keeping the signature. */
    private static String tamper(String jwt) {
        def parts = jwt.split('\\.')
        def payload = new String(Base64.urlDecoder.decode(parts[1])).replace('BUYER', 'OFFICER')
        parts[0] + '.' + Base64.urlEncoder.withoutPadding().encodeToString(payload.bytes) + '.' + parts[2]
    }
}
