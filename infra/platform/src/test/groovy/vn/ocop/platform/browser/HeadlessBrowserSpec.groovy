package vn.ocop.platform.browser

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import java.nio.file.Files
import javax.imageio.ImageIO
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import vn.ocop.platform.security.TestIdentity

/** The harness drives the real Chromium: a page behind the session cookie renders, is read, and is kept as a PNG. */
class HeadlessBrowserSpec extends Specification {

    static final UUID OFFICER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a11')

    @Shared @AutoCleanup EmbeddedServer service = ApplicationContext.run(EmbeddedServer,
            ['ocop.service.name'           : 'browserspec',
             'ocop.test.session-probe'     : 'on',
             'ocop.events.consumer.enabled': 'false',
             'ocop.events.relay.enabled'   : 'false'] + TestIdentity.properties(), 'test')
    @Shared @AutoCleanup HeadlessBrowser browser = HeadlessBrowser.start()

    def setup() {
        browser.clearCookies()
    }

    def "with the session cookie, the officer's page renders in Chromium with its chart, and the whole page is kept as a PNG"() {
        when:
        browser.signIn(service.URL, TestIdentity.officer(OFFICER, '92')).open(service.URL, '/office/probe?year=2024')

        then:
        browser.text('#who') == 'Cán bộ tỉnh 92 — năm 2024'
        browser.findAll('#chart rect')*.getDomAttribute('data-value') == ['100', '60', '30']
        browser.title() == 'Bảng điều khiển thử'
        browser.sessionCookie().httpOnly

        when:
        def file = browser.screenshot('harness-office-probe')

        then: 'the PNG is the whole page, taller than the 2,000-pixel window'
        file.toString().endsWith('target/screenshots/harness-office-probe.png')
        def image = ImageIO.read(Files.newInputStream(file))
        image.width == 1280
        image.height >= 2700
    }

    def "without a session, Chromium is sent to the login form, which will return to the page"() {
        when:
        browser.open(service.URL, '/office/probe?year=2024')

        then: 'this service has no login form (identity has): the address is what counts'
        browser.currentPage() == '/office/login?next=%2Foffice%2Fprobe%3Fyear%3D2024'
    }

    def "a cookie for another site is not sent"() {
        when: 'the session belongs to localhost, the page is opened at 127.0.0.1'
        browser.signIn(service.URL.toString().replace('127.0.0.1', 'localhost'), TestIdentity.officer(OFFICER, '92'))
                .open(service.URL.toString().replace('localhost', '127.0.0.1').replaceAll('/+$', '') + '/office/probe')

        then:
        browser.currentPage() == '/office/login?next=%2Foffice%2Fprobe'
    }
}
