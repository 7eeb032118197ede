package vn.ocop.catalog.report

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.DefaultHttpClientConfiguration
import io.micronaut.http.client.HttpClient
import io.micronaut.http.cookie.Cookie
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.time.YearMonth
import spock.lang.AutoCleanup
import spock.lang.Shared
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.platform.browser.HeadlessBrowser
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.BrowserSession
import vn.ocop.platform.security.TestIdentity
import vn.ocop.platform.time.VietnamTime

/**
 * The trade office's dashboard in a real headless Chromium: an officer's page for one commune of Cần Thơ, whose
 * tiles, charts and tables must show the numbers worked out by hand from the certificates and sales the spec makes.
 * The screenshots stay in target/screenshots.
 */
@MicronautTest(transactional = false)
class OfficeDashboardSpec extends ReportSpecification {

    @Shared @AutoCleanup HeadlessBrowser browser = HeadlessBrowser.start()
    @Inject EmbeddedServer server
    @Inject CoverageSnapshots snapshots

    def "an officer's dashboard draws coverage, stars, history, sales and the payment mix, and lists who to help"() {
        given: 'a commune with a cooperative and three valid certificates: two online (one expiring in 30 days), one not'
        String commune = freshCommune()
        String businessCode = uniqueCode()
        UUID seller = sellerIn(commune, 'COOPERATIVE', businessCode)
        String rice = certificateIn(commune, 4, businessCode, 'Gạo ST25 Hợp tác xã')
        String honey = certificateIn(commune, 3, businessCode, 'Mật ong rừng tràm',
                LocalDate.now(VietnamTime.ZONE).plusDays(30))
        String notOnline = certificateIn(commune, 3, businessCode, 'Bánh pía sầu riêng')
        Map riceListing = listed(seller, [name: 'Gạo ST25 HTX'], 50, 200_000)
        Map honeyListing = listed(seller, [name: 'Mật ong HTX'], 50, 50_000)
        certify(seller, riceListing.id, rice)
        certify(seller, honeyListing.id, honey)
        and: 'two sales: 2 bags of rice by VNPay (430,000 with shipping), a jar of honey cash on delivery (80,000)'
        sell(seller, PaymentMethod.VNPAY, [bought(riceListing, 2, 200_000)])
        sell(seller, PaymentMethod.COD, [bought(honeyListing, 1, 50_000)])
        and: "today's coverage snapshot"
        snapshots.take()

        when:
        browser.signIn(server.URL, officer).open(server.URL, "/office?commune=$commune")
        browser.waitFor('#chart-coverage-communes')
        def shot = browser.screenshot('catalog-office-dashboard')

        then: 'the page is about Cần Thơ and that commune, in Vietnamese'
        browser.title().startsWith('Bảng điều khiển OCOP – Thành phố Cần Thơ')
        browser.text('#scope').startsWith('Thành phố Cần Thơ · ')
        browser.attribute('html', 'lang') == 'vi'

        and: 'coverage: 2 of 3 certified products online, 66.7 % against the 100 % target'
        browser.text('#tile-coverage .big') == '66,7 %'
        browser.text('#tile-coverage .small').startsWith('2 / 3 ')
        bars('#chart-coverage-communes') == [[commune, '2/3 · 66,7 %']]
        browser.findAll('#chart-coverage-communes line.target').size() == 1
        and: 'drawn two thirds of the full 360-unit bar, in the "mid" tone (50 to 80 %)'
        browser.attribute('#chart-coverage-communes rect.mid', 'width') == '240.1'

        and: 'by stars: 3 stars 1 of 2, 4 stars 1 of 1, the furthest behind first'
        bars('#chart-coverage-stars') == [['3', '1/2 · 50,0 %'], ['4', '1/1 · 100,0 %']]

        and: "the history has today's point"
        browser.findAll('#chart-coverage-history circle.dot')*.getAttribute('data-value') ==
                ["${LocalDate.now(VietnamTime.ZONE).format(DateTimeFormatter.ofPattern('dd/MM/yyyy'))}: 2/3 · 66,7 %".toString()]

        and: 'sales: 2 orders, 3 units, 450,000 dong of goods, all in this month (the last of the twelve drawn)'
        browser.text('#tile-sales .big') == '450.000 ₫'
        browser.text('#tile-sales .small') == '2 đơn · 3 sản phẩm'
        def columns = browser.findAll('#chart-sales-months g.column-group')*.getAttribute('data-value')
        columns.size() == 12
        columns.last() == '450.000 ₫'
        columns.take(11).every { it == '0 ₫' }
        bars('#chart-top-products') == [[riceListing.id, '400.000 ₫ · 2 sp'], [honeyListing.id, '50.000 ₫ · 1 sp']]

        and: 'payments: 1 of 2 orders cashless (50 %), 430,000 of 510,000 dong (84.3 %)'
        browser.text('#tile-cashless .big') == '50,0 %'
        browser.text('#tile-cashless .small').contains('84,3 %')
        browser.findAll('#chart-payments rect.segment').collect { [it.getAttribute('data-code'), it.getAttribute('data-value')] } ==
                [['VNPAY', '1 đơn · 50,0 %'], ['COD', '1 đơn · 50,0 %'], ['VNPAY', '430.000 ₫ · 84,3 %'], ['COD', '80.000 ₫ · 15,7 %']]

        and: 'who to help next: the product not online, with its producer and what is missing'
        browser.text('#gaps-total') == '1'
        def gap = browser.find("#gaps tr[data-certificate='$notOnline']")
        gap.getAttribute('data-reason') == 'NOT_LINKED'
        gap.text.contains('Bánh pía sầu riêng') && gap.text.contains('HTX Thử nghiệm') && gap.text.contains('Chưa có sản phẩm trên sàn')

        and: 'the certificate running out in 30 days'
        browser.findAll('#due-expiring tbody tr')*.getAttribute('data-certificate') == [honey]
        browser.find("#due-expiring tr[data-certificate='$honey']").text.contains('30')

        and: 'a screenshot of the whole page is kept'
        shot.toFile().length() > 10_000
    }

    def "the CSV links carry the page's filters and download with the browser's session"() {
        given:
        String commune = freshCommune()
        String month = YearMonth.now(VietnamTime.ZONE).toString()

        when:
        browser.signIn(server.URL, officer).open(server.URL, "/office?commune=$commune&stars=4")
        def links = browser.findAll('#downloads a').collectEntries { [it.text, it.getAttribute('href')] }

        then:
        links.size() == 13
        links['Độ phủ theo xã, phường'] == "$server.URL/api/v1/reports/coverage.csv?province=92&commune=$commune&stars=4&by=commune".toString()
        links['Thanh toán không dùng tiền mặt'].endsWith("/api/v1/reports/payments.csv?province=92&commune=$commune&from=${YearMonth.parse(month).minusMonths(11)}&to=$month")

        when: 'a link is followed with the session cookie alone'
        def response = call(HttpRequest.GET(links['Độ phủ theo hạng sao'].substring(server.URL.toString().length()))
                .cookie(Cookie.of(BrowserSession.COOKIE, officer)))

        then:
        response.status().code == 200
        response.contentType.get().toString().startsWith('text/csv')
    }

    def "without a session a browser is sent to the login form; buyers, sellers and other provinces are refused"() {
        expect: 'no session: to the login form, coming back here'
        def anonymous = server.applicationContext.createBean(HttpClient, server.URL,
                new DefaultHttpClientConfiguration(followRedirects: false)).withCloseable {
            it.toBlocking().exchange(HttpRequest.GET('/office?stars=3'))
        }
        anonymous.status().code == 303
        anonymous.header('Location') == '/office/login?next=%2Foffice%3Fstars%3D3'

        and: 'a buyer or a seller: 403'
        call(HttpRequest.GET('/office').cookie(Cookie.of(BrowserSession.COOKIE, TestIdentity.buyer(Ids.newId())))).status().code == 403
        call(HttpRequest.GET('/office').cookie(Cookie.of(BrowserSession.COOKIE, TestIdentity.seller(Ids.newId())))).status().code == 403

        and: 'an officer asking for another province, or a bad period: problem+json'
        def foreign = call(HttpRequest.GET('/office?province=79').cookie(Cookie.of(BrowserSession.COOKIE, officer)))
        foreign.status().code == 403
        foreign.contentType.get().toString() == 'application/problem+json'
        def backwards = call(HttpRequest.GET('/office?from=2026-05&to=2026-01').cookie(Cookie.of(BrowserSession.COOKIE, officer)))
        backwards.status().code == 400
        body(backwards).errors*.field == ['from']

        and: 'an admin sees the whole country, and may pick a province'
        call(HttpRequest.GET('/office').cookie(Cookie.of(BrowserSession.COOKIE, TestIdentity.admin(Ids.newId())))).status().code == 200
    }

    /** The bars of a chart as [code, value shown]. */
    List<List<String>> bars(String chart) {
        browser.findAll("$chart g.bar").collect { [it.getAttribute('data-code'), it.getAttribute('data-value')] }
    }
}
