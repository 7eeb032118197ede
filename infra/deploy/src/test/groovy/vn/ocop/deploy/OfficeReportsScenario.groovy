package vn.ocop.deploy

import static vn.ocop.deploy.OfficeFigures.*

import java.net.http.HttpClient
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.LocalDate
import java.time.YearMonth
import java.util.concurrent.TimeUnit
import java.util.function.Supplier
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * The trade office's view (issue 7) end to end: the five services from their jars, the demo dataset loaded by the
 * deploy jar's main as the run command loads it, and every indicator read over HTTP as the Cần Thơ officer reads it,
 * checked against values computed here by hand: coverage of the 174-product registry from {@link DemoRegistry}'s own
 * data, then a known mix of real purchases (VNPay, VietQR, card, cash on delivery, a cancellation, refunds) paid through
 * each provider's signed callback, lots, labels, scans and a recall through traceability.
 */
@Stepwise
@Timeout(600)
class OfficeReportsScenario extends Specification {

    static final String ADMIN_PASSWORD = 'Ocop-Admin-2025!'
    /** The buyer ships to Phường Mỹ Xuyên, Cần Thơ: the sellers' province, so every parcel goes at the local rate. */
    static final Map ADDRESS = [recipientName: 'Nguyễn Thị Mai', phone: '0987000001', street: '12 Lý Thường Kiệt',
                                communeCode  : DemoData.MY_XUYEN, provinceCode: DemoData.CAN_THO]
    /** Entries of the registry bought here: the ST25 rice (5★), and 4★ and 3★ products of a cooperative, a household and an enterprise. */
    static final int RICE = 0, SHRIMP = 1, SESAME = 2, WINE = 3, FISH = 31

    @Shared ServiceProcesses services = new ServiceProcesses()
    @Shared @AutoCleanup Api api
    @Shared @AutoCleanup EndState state
    @Shared Marketplace market
    @Shared ProviderCallbacks providers
    @Shared Marketplace.Session admin, officer, buyer
    @Shared List<DemoRegistry.Entry> entries = DemoRegistry.entries()
    @Shared Map<String, String> communeOfDistrict
    /** What was bought from, by registry entry: the entry, its seller's session and commune, its product and SKU. */
    @Shared Map<Integer, Map> listed = [:]
    /** Every seller order placed here, with what it should be by hand, and whether it was sold and then cancelled. */
    @Shared List<Map> orders = []
    /** Refunds made, by payment method. */
    @Shared Map<String, Long> refunded = [VNPAY: 0L, VIETQR: 0L, CARD: 0L, COD: 0L]
    @Shared String lotA, lotB
    @Shared Map<Integer, Marketplace.Session> sellers = [:]
    PollingConditions conditions = new PollingConditions(timeout: 60, delay: 0.25)

    def setupSpec() {
        String payments = services.url('payments').toString()
        services.overrides.identity = [OCOP_ADMIN_EMAIL: DemoData.ADMIN_EMAIL, OCOP_ADMIN_PASSWORD: ADMIN_PASSWORD]
        services.overrides.orders = [OCOP_ORDERS_PAYMENT_METHODS: 'VNPAY,VIETQR,COD,CARD']
        services.overrides.payments = [OCOP_STRIPE_ENABLED            : 'true', OCOP_STRIPE_STANDIN_ENABLED: 'true',
                                       OCOP_STRIPE_API_BASE           : "$payments/stripe-standin".toString(),
                                       OCOP_STRIPE_STANDIN_WEBHOOK_URL: "$payments/payments/stripe/webhook".toString(),
                                       OCOP_STRIPE_PAGE_BASE_URL      : payments]
        // today's coverage is kept every two seconds (after the first 30 s) instead of hourly
        services.overrides.catalog = [OCOP_CATALOG_REPORTS_COVERAGE_SNAPSHOT_EVERY: '2s']
        services.reset()
        services.startAll()
        api = new Api(services.urls())
        market = new Marketplace(api, Duration.ofSeconds(30))
        providers = new ProviderCallbacks(api)
        state = new EndState(services)
    }

    def cleanupSpec() {
        services.stopAll()
    }

    def "the demo data loads through the public APIs, run by the deploy jar's main as the run command runs it"() {
        given:
        def jar = services.root.resolve('infra/deploy/target').toFile().listFiles()
                .find { it.name ==~ /deploy-.*\.jar/ && !it.name.contains('original') }
        def log = services.logs.resolve('demo-data.log')
        Process loader = null
        def builder = new ProcessBuilder(Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-Xmx256m',
                '-XX:TieredStopAtLevel=1', '-jar', jar.toString())
        builder.environment().putAll([OCOP_ADMIN_PASSWORD: ADMIN_PASSWORD] + ServiceProcesses.SERVICES.collectEntries {
            ["OCOP_${it.toUpperCase()}_URL".toString(), services.url(it).toString()]
        })
        builder.redirectErrorStream(true).redirectOutput(log.toFile())

        when:
        loader = builder.start()
        boolean ended = loader.waitFor(240, TimeUnit.SECONDS)
        String output = Files.readString(log)

        then:
        jar != null
        ended && loader.exitValue() == 0
        output.contains('registry 174 certificates (174 new, 0 updated, 0 errors)')
        output.contains('listed   140 of 174 certified products, by 29 verified sellers')

        when: 'the people of the scenario log in'
        admin = market.login(DemoData.ADMIN_EMAIL, ADMIN_PASSWORD)
        officer = market.login(DemoData.OFFICER_EMAIL, DemoData.OFFICER_PASSWORD)
        buyer = market.login(DemoData.BUYER_EMAIL, DemoData.BUYER_PASSWORD)
        // the loader's rule: a former district's certificates (and the sellers first listing there) are placed in the
        // first current commune of that district, but Mỹ Xuyên's in Phường Mỹ Xuyên
        communeOfDistrict = DemoRegistry.DISTRICTS.collectEntries { district ->
            [district, district == '947' ? DemoData.MY_XUYEN : market.currentCommunesOf(district).first()]
        }

        then:
        officer.accessToken() && buyer.accessToken() && admin.accessToken()

        cleanup: 'a loader that hung is ended'
        loader?.destroyForcibly()
    }

    def "coverage of the 174-product registry, against the 100% target, by stars, commune and former district"() {
        given: 'by hand: the certificates valid today, and those whose product the loader listed (each with 100+ units)'
        LocalDate today = LocalDate.now(ProviderCallbacks.VIETNAM)
        List<DemoRegistry.Entry> valid = entries.findAll { validOn(it, today) }
        int online = valid.count { it.listed() }

        when:
        Map byStars = show('coverage by stars', report('/coverage?by=stars'))
        Map byCommune = show('coverage by commune', report('/coverage'))
        Map byDistrict = show('coverage by former district', report('/coverage?by=legacyDistrict'))

        then: 'as counted by hand from the registry and the clock (certificates expire 36 months after issue)'
        [byStars, byCommune, byDistrict].every {
            it.province == DemoData.CAN_THO && it.asOf == today.toString() && it.targetPercent == 100 &&
                    it.certified == valid.size() && it.online == online && it.notOnline == valid.size() - online &&
                    num(it.percent) == percent(online, valid.size())
        }
        byStars.by == 'stars'
        coverageRows(byStars) == expectedCoverage(valid) { it.stars() as String }
        byStars.rows*.key*.name == expectedCoverage(valid) { it.stars() as String }.collect { it[0] + ' sao' }

        and: 'while every certificate is valid (DemoRegistry renews those whose 36 months ran out), the seed documents: 174 certified, 140 online'
        !allValid(today) || [valid.size(), online, num(byStars.percent), coverageRows(byStars)*.take(3)] ==
                [174, 140, 80.5G, [['3', 144, 116], ['4', 29, 23], ['5', 1, 1]]]

        and: 'by commune, and by former district (certificates issued since the July 2025 reform have none)'
        coverageRows(byCommune) == expectedCoverage(valid) { communeOfDistrict[it.legacyDistrict()] }
        coverageRows(byDistrict) == expectedCoverage(valid) { issuedBeforeReform(it) ? it.legacyDistrict() : '' }

        and: 'a filter narrows it: the four-star products of Mỹ Xuyên'
        def fourStarMyXuyen = valid.findAll { it.stars() == 4 && communeOfDistrict[it.legacyDistrict()] == DemoData.MY_XUYEN }
        Map narrowed = report("/coverage?stars=4&commune=${DemoData.MY_XUYEN}")
        narrowed.certified == fourStarMyXuyen.size()
        narrowed.online == fourStarMyXuyen.count { it.listed() }
    }

    def "who to help next: every unlisted certificate with its producer and commune; the certificates due within 90 days"() {
        given:
        LocalDate today = LocalDate.now(ProviderCallbacks.VIETNAM)
        List<DemoRegistry.Entry> valid = entries.findAll { validOn(it, today) }
        List<DemoRegistry.Entry> unlisted = valid.findAll { !it.listed() }.sort { it.number() }
        List<DemoRegistry.Entry> due = valid.findAll { !expiry(it).isAfter(today.plusDays(90)) }
                .sort { a, b -> expiry(a) <=> expiry(b) ?: a.number() <=> b.number() }

        when:
        Map gaps = report('/coverage/gaps?limit=200')
        Map certificates = show('certificates due', report('/certificates/due'))

        then: 'the unlisted certificates (34 while all are valid), none linked to a product yet, their subject a seller already'
        !allValid(today) || unlisted.size() == 34
        gaps.total == unlisted.size()
        gaps.nextCursor == null
        sameRows(gaps.items.collect { [it.certificateNumber, it.productName, it.producer, it.producerCode, it.stars, it.ocopGroup,
                                       it.commune.code, it.legacyDistrict?.code, it.expiresOn, it.reason, it.productId,
                                       it.sellerName, it.sellerPhone] },
                unlisted.collect { [it.number(), it.productName(), it.subject().name(), it.subject().businessCode(), it.stars(),
                                    it.kind().group(), communeOfDistrict[it.legacyDistrict()],
                                    issuedBeforeReform(it) ? it.legacyDistrict() : null, expiry(it).toString(), 'NOT_LINKED', null,
                                    sellerName(it.subject()), it.subject().phone()] })
        gaps.items.every { it.sellerId != null && it.commune.name }

        and: 'the certificates expiring within 90 days, soonest first, with the days left and whether their product is listed'
        certificates.asOf == today.toString()
        certificates.withinDays == 90
        sameRows(certificates.expiring.collect { [it.certificateNumber, it.productName, it.producer, it.stars, it.commune.code,
                                                  it.expiresOn, it.daysLeft, it.status, it.listedProducts] },
                due.collect { [it.number(), it.productName(), it.subject().name(), it.stars(), communeOfDistrict[it.legacyDistrict()],
                               expiry(it).toString(), today.until(expiry(it), java.time.temporal.ChronoUnit.DAYS), 'VALID',
                               it.listed() ? 1 : 0] })
        and: 'the expired certificates whose products are still listed (none before 13 January 2027)'
        sameRows(certificates.expiredStillListed.collect { [it.certificateNumber, it.expiresOn, it.daysLeft, it.listedProducts] },
                entries.findAll { expiry(it).isBefore(today) && it.listed() }
                        .sort { a, b -> expiry(a) <=> expiry(b) ?: a.number() <=> b.number() }
                        .collect { [it.number(), expiry(it).toString(), today.until(expiry(it), java.time.temporal.ChronoUnit.DAYS), 1] })
    }

    def "the sellers: the 29 OCOP subjects, verified, each selling online"() {
        given:
        def subjects = DemoRegistry.subjects()
        def selling = entries.findAll { it.listed() }*.subject()*.index().toSet()

        when:
        Map sellers = report('/sellers')

        then:
        sellers.sellers == subjects.size()
        sellers.verified == subjects.size()
        sellers.sellingOnline == selling.size()
        sellers.rows.collect { [it.sellerType, it.status, it.sellers as long, it.sellingOnline as long] } as Set ==
                subjects.groupBy { it.type() }.collect { type, of ->
                    [type, 'VERIFIED', of.size() as long, of.count { it.index() in selling } as long]
                } as Set
    }

    def "today's coverage is kept in the coverage history"() {
        given:
        LocalDate today = LocalDate.now(ProviderCallbacks.VIETNAM)
        def valid = entries.findAll { validOn(it, today) }

        expect: 'the snapshot taken after the registry was listed'
        conditions.eventually {
            def day = report('/coverage/history').days.find { it.day == today.toString() }
            assert [day?.certified, day?.online, num(day?.percent)] == [valid.size(), valid.count { it.listed() },
                                                                      percent(valid.count { it.listed() }, valid.size())]
        }
    }

    def "a seller writes its whole stock off as damaged: the product leaves the coverage and shows as a gap, out of stock"() {
        given: 'a valid, listed certificate of a subject the buyer does not buy from'
        def valid = entries.findAll { validOn(it, LocalDate.now(ProviderCallbacks.VIETNAM)) }
        def bought = [RICE, SHRIMP, SESAME, WINE, FISH].collect { entries[it].subject().index() }
        def entry = valid.find { it.listed() && !(it.subject().index() in bought) }
        Map product = productOf(entry)
        Map sku = product.skus[0]
        int stock = 100 + (entry.index() * 13) % 400 // what DemoRegistry lists of it

        when:
        def adjusted = api.post(services.url('catalog'), "/api/v1/products/${product.id}/skus/${sku.id}/stock-adjustments",
                [delta: -stock, reason: 'DAMAGED'], sellerOf(entry).accessToken())

        then:
        entry.listed() && adjusted.status() == 200
        adjusted.body().skus[0].available == 0
        conditions.eventually {
            Map coverage = report('/coverage?by=stars')
            assert coverage.online == valid.count { it.listed() } - 1
            assert coverage.rows.find { it.key.code == entry.stars() as String }.online ==
                    valid.count { it.listed() && it.stars() == entry.stars() } - 1
        }
        with(report('/coverage/gaps?limit=200')) {
            total == valid.count { !it.listed() } + 1
            def gap = items.find { it.certificateNumber == entry.number() }
            gap.reason == 'OUT_OF_STOCK'
            gap.productId == product.id
            gap.sellerId == sellerOf(entry).accountId().toString()
        }
    }

    def "a known mix of purchases is paid through VNPay, VietQR, card and cash on delivery, one cancelled, two refunded"() {
        given: 'the products bought, read from the catalogue'
        [RICE, SHRIMP, SESAME, WINE, FISH].each { listed[it] = listing(entries[it]) }

        when: 'C1: rice and shrimp from two sellers, paid at the VNPay stand-in (which sends a signed IPN)'
        def c1 = place('VNPAY', [(RICE): 2, (SHRIMP): 1])
        market.payWithStandIn(market.awaitPaymentUrl(buyer, c1.id))
        market.awaitStatus(buyer, c1.id, 'PAID')

        and: 'C2: sesame and dried fish from one household, paid by an IPN signed here as VNPay signs'
        def c2 = place('VNPAY', [(SESAME): 3, (FISH): 1])
        def ipn = providers.vnpayPaid(market.awaitPaymentUrl(buyer, c2.id))
        market.awaitStatus(buyer, c2.id, 'PAID')

        and: 'C3 and C4: bank transfers to the account and amount of the VietQR code the buyer scanned'
        def c3 = place('VIETQR', [(SHRIMP): 2])
        def qr3 = payByVietQr(c3, 'FT26327000003')
        def c4 = place('VIETQR', [(WINE): 1, (SESAME): 1])
        def qr4 = payByVietQr(c4, 'FT26327000004')

        and: "C5: wine paid by card on payments' card page, confirmed at the Stripe stand-in, which posts Stripe's signed webhook"
        def c5 = place('CARD', [(WINE): 2])
        def intent = providers.cardPaid(market.awaitPaymentUrl(buyer, c5.id))
        market.awaitStatus(buyer, c5.id, 'PAID')

        and: 'C6 and C7: cash on delivery, confirmed at once'
        def c6 = place('COD', [(RICE): 1])
        def c7 = place('COD', [(SESAME): 2])
        [c6, c7].each { market.awaitStatus(buyer, it.id, 'CONFIRMED') }

        and: 'C8: dried fish paid through VNPay, then cancelled by the buyer before shipment, so refunded in full'
        def c8 = place('VNPAY', [(FISH): 1])
        market.payWithStandIn(market.awaitPaymentUrl(buyer, c8.id))
        market.awaitStatus(buyer, c8.id, 'PAID')
        def cancelled = api.post(services.url('orders'), "/api/v1/orders/${c8.orders[0].id}/cancellation", [reason: 'Đặt nhầm'],
                buyer.accessToken())
        c8.orders[0].cancelled = true
        refunded.VNPAY += c8.orders[0].total

        and: 'C9: shrimp by VietQR, cancelled before paying: never a sale'
        def c9 = place('VIETQR', [(SHRIMP): 1])
        market.awaitPaymentUrl(buyer, c9.id)
        def dropped = api.post(services.url('orders'), "/api/v1/checkouts/${c9.id}/cancellation", [:], buyer.accessToken())
        orders.removeAll(c9.orders)

        and: "an admin refunds 50,000 dong of C1's shrimp order (a complaint), which stays sold"
        def partial = api.send(services.url('payments'), io.micronaut.http.HttpRequest.POST('/api/v1/admin/payments/refunds',
                [checkoutId: c1.id, orderId: c1.orders.find { it.entries == [SHRIMP] }.id, amountVnd: 50_000,
                 reason    : 'Một túi bị rách']).header('Idempotency-Key', UUID.randomUUID().toString()), admin.accessToken())
        refunded.VNPAY += 50_000

        then: 'each provider was answered as it expects, and the amounts asked were the hand-computed totals'
        ipn.body() == [RspCode: '00', Message: 'Confirm Success']
        qr3.amount as long == c3.total && qr4.amount as long == c4.total
        intent.status == 'succeeded' && intent.amount as long == c5.total
        cancelled.status() == 200
        dropped.status() == 200 && dropped.body().status == 'CANCELLED'
        partial.status() == 201
        conditions.eventually {
            assert api.get(services.url('orders'), "/api/v1/orders/${c8.orders[0].id}", buyer.accessToken()).body().status == 'REFUNDED'
        }
        orders.size() == 10
    }

    def "the payment mix: cashless share by count and by value, and per method with refunds, as computed by hand"() {
        given:
        List<Map> sold = orders.findAll { !it.cancelled }
        Map<String, List<Map>> byMethod = ['VNPAY', 'VIETQR', 'CARD', 'COD'].collectEntries { m -> [m, sold.findAll { it.method == m }] }
        long value = sold.sum { it.total } as long
        List<Map> cashless = sold.findAll { it.method != 'COD' }
        long cashlessValue = cashless.sum { it.total } as long

        expect: '9 sold orders, 7 paid cashless; on paper: 3,355,000 dong paid, 2,947,000 of it cashless'
        sold.size() == 9 && cashless.size() == 7
        [value, cashlessValue, percent(cashless.size(), sold.size()), percent(cashlessValue, value)] ==
                [3_355_000L, 2_947_000L, 77.8G, 87.8G]
        refunded == [VNPAY: 295_000L + 50_000L, VIETQR: 0L, CARD: 0L, COD: 0L]
        conditions.eventually {
            Map payments = show('payments', report('/payments'))
            assert [payments.orders, payments.valueVnd, payments.cashlessOrders, payments.cashlessValueVnd,
                    num(payments.cashlessPercentOfOrders), num(payments.cashlessPercentOfValue)] ==
                    [sold.size(), value, cashless.size(), cashlessValue, percent(cashless.size(), sold.size()),
                     percent(cashlessValue, value)]
            assert payments.methods.collect { [it.method, it.cashless, it.orders, it.valueVnd, num(it.percentOfOrders),
                                                num(it.percentOfValue), it.refundedVnd] } ==
                    byMethod.collect { m, of -> [m, m != 'COD', of.size(), total(of), percent(of.size(), sold.size()),
                                                 percent(total(of), value), refunded[m]] }
        }

        and: 'the same as CSV, for a spreadsheet'
        List<String> csv = csv('/payments.csv')
        csv[0] == '\uFEFFmethod,cashless,orders,value_vnd,percent_of_orders,percent_of_value,refunded_vnd'
        csv[1] == "VNPAY,true,${byMethod.VNPAY.size()},${total(byMethod.VNPAY)},${percent(byMethod.VNPAY.size(), sold.size())}," +
                "${percent(total(byMethod.VNPAY), value)},${refunded.VNPAY}"
        csv.last() == "CASHLESS,true,${cashless.size()},$cashlessValue,${percent(cashless.size(), sold.size())}," +
                "${percent(cashlessValue, value)},"
    }

    def "net sales by product, commune, seller type, stars and month, as computed by hand"() {
        given:
        List<Map> sold = orders.findAll { !it.cancelled }
        List<Map> lines = sold.collectMany { o -> o.lines.collect { it + [order: o] } }
        String month = YearMonth.now(ProviderCallbacks.VIETNAM).toString()

        expect: 'on paper: 9 orders, 16 units, 3,160,000 dong of goods (shipping excluded)'
        [sold.size(), lines.sum { it.quantity }, lines.sum { it.goods }] == [9, 16, 3_160_000L]
        conditions.eventually {
            Map byProduct = show('sales by product', report('/sales?by=product'))
            assert row(byProduct.total) == ['', sold.size() as long, lines.sum { it.quantity } as long, lines.sum { it.goods } as long]
            assert byProduct.rows.collect { row(it) + [it.key.name] } as Set == lines.groupBy { it.listed.productId }.collect { p, of ->
                [p, of*.order.unique().size() as long, of.sum { it.quantity } as long, of.sum { it.goods } as long,
                 of[0].listed.entry.productName()]
            } as Set
            assert byProduct.rows*.goodsVnd == byProduct.rows*.goodsVnd.sort(false).reverse()
        }
        rows(show('sales by commune', report('/sales?by=commune'))) == salesBy(lines, false) { it.listed.sellerCommune }
        rows(show('sales by seller type', report('/sales?by=sellerType'))) == salesBy(lines, false) { it.listed.entry.subject().type() }
        rows(show('sales by stars', report('/sales?by=stars'))) == salesBy(lines, true) { starsOnSale(it.listed.entry) }
        with(report('/sales?by=month')) {
            rows.size() == 1
            rows[0].key.code.startsWith(month)
            rows[0].key.name == "Tháng ${month[5..6] as int}/${month[0..3]}"
            row(rows[0]).drop(1) == row(total).drop(1)
        }
        and: "filters: the four-star lines; the shrimp cooperative's commune; a past half-year, when nothing was sold"
        report('/sales?stars=4').total.goodsVnd == lines.findAll { starsOnSale(it.listed.entry) == '4' }.sum { it.goods }
        String shrimpCommune = listed[SHRIMP].sellerCommune
        row(report("/sales?commune=$shrimpCommune").total).drop(1) ==
                salesBy(lines.findAll { it.listed.sellerCommune == shrimpCommune }, false) { '' }.first().drop(1)
        row(report('/sales?from=2025-01&to=2025-06').total) == ['', 0L, 0L, 0L]
    }

    def "traceability: lots, a label sheet, shipments from lots, a flagged scan and a recall, as counted by hand"() {
        given: "the shrimp cooperative registers lot A and prints a sheet of 24 labels; the wine enterprise registers lot B"
        def shrimp = listed[SHRIMP], wine = listed[WINE]
        lotA = 'TK-THV-2611'
        lotB = 'RN-VC-2611'
        def registeredA = market.registerLot(shrimp.seller, [productId: shrimp.productId, code: lotA, quantity: 200, unit: 'kg',
                                                             harvestDate: LocalDate.now().minusDays(10).toString()])
        def registeredB = market.registerLot(wine.seller, [productId: wine.productId, code: lotB, quantity: 300, unit: 'chai',
                                                           harvestDate: LocalDate.now().minusDays(30).toString()])
        def labels = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                services.url('traceability').resolve("/api/v1/lots/$lotA/labels.pdf?copies=24"))
                .header('Authorization', "Bearer ${shrimp.seller.accessToken()}").build(), HttpResponse.BodyHandlers.ofByteArray())

        when: "C3's shrimp ships from lot A, C6's rice from the demo's ST25 lot, and C2's household goods (no lots) without"
        def c3 = orders.find { it.method == 'VIETQR' && it.entries == [SHRIMP] }
        def c6 = orders.find { it.method == 'COD' && it.entries == [RICE] }
        def c2 = orders.find { it.method == 'VNPAY' && it.entries == [SESAME, FISH] }
        def shipped = [ship(c3, [(SHRIMP): lotA]), ship(c6, [(RICE): 'ST25-MX-2611']), ship(c2, [:])]
        def delivered = api.post(services.url('orders'), "/api/v1/orders/${c6.id}/delivery", [:], listed[RICE].seller.accessToken())

        and: 'lot A is scanned in Cần Thơ and, an hour later, in Hà Nội; a serial never printed is scanned; so is a lot that does not exist'
        def scans = [[lotA, 10.03, 105.78], [lotA, 21.03, 105.85]].collect { code, lat, lon ->
            market.fetch("${services.url('traceability')}/t/$code?lat=$lat&lon=$lon").status()
        }
        def forged = [market.fetch("${services.url('traceability')}/t/$lotA/999999").status(),
                      market.fetch("${services.url('traceability')}/t/KHONG-CO-LO-NAY").status()]

        and: 'the officer recalls lot B'
        def recall = api.post(services.url('traceability'), "/api/v1/lots/$lotB/recall", [reason: 'Nồng độ cồn sai nhãn'],
                officer.accessToken())

        then:
        registeredA.status() == 201 && registeredB.status() == 201
        labels.statusCode() == 200 && new String(labels.body(), 0, 4, 'US-ASCII') == '%PDF'
        shipped*.status() == [200, 200, 200]
        delivered.status() == 200 && delivered.body().status == 'DELIVERED'
        scans == [200, 200]
        forged == [404, 404]
        recall.status() == 201

        and: 'by hand: sold units; shipped 2 + 1 + 4, of which 3 from known lots; 3 lots (with the demo lot), 1 labelled, 1 recalled'
        long soldUnits = orders.findAll { !it.cancelled }.sum { it.units } as long
        long shippedUnits = [c3, c6, c2].sum { it.units } as long
        long tracedUnits = [c3, c6].sum { it.units } as long
        [soldUnits, shippedUnits, tracedUnits] == [16L, 7L, 3L]
        conditions.eventually {
            Map trace = show('traceability', report('/traceability'))
            assert [trace.soldUnits, trace.shippedUnits, trace.tracedUnits, num(trace.tracedPercentOfShipped), trace.lots,
                    trace.labelledLots, num(trace.labelledPercent), trace.recalledLots, trace.flaggedScans,
                    counts(trace.flaggedScansByKind)] ==
                    [soldUnits, shippedUnits, tracedUnits, percent(tracedUnits, shippedUnits), 3, 1, percent(1, 3), 1, 2,
                     [FAR_APART: 1L, NEVER_ISSUED: 1L]]
        }

        and: "the admin, over all provinces, also sees the unknown lot's scan, which belongs to no province"
        // scans are written in batches, so the unknown lot's flag may reach catalog after the officer's report settled
        conditions.eventually {
            assert counts(report('/traceability', admin).flaggedScansByKind) == [FAR_APART: 1L, NEVER_ISSUED: 2L]
        }
    }

    def "only officers of the province and admins read the reports: #who asking #path gets #status"() {
        when:
        def response = api.get(services.url('catalog'), "/api/v1/reports$path", session().accessToken())

        then:
        response.status() == status
        !problem || response.headers().get('Content-Type') == 'application/problem+json'
        !problem || (response.body().status == status && response.body().title && !response.body().toString().contains('certified'))
        status != 400 || response.body().errors*.field == [field]

        where:
        who       | session                     | path                        || status | problem | field
        'buyer'   | { buyer }                   | '/coverage'                 || 403    | false   | null
        'seller'  | { sellerOf(entries[RICE]) } | '/sales'                    || 403    | false   | null
        'officer' | { officer }                 | '/coverage?province=79'     || 403    | true    | null
        'officer' | { officer }                 | '/payments?province=01'     || 403    | true    | null
        'officer' | { officer }                 | '/coverage?commune=99999'   || 400    | true    | 'commune'
        'officer' | { officer }                 | '/sales?commune=00004'      || 400    | true    | 'commune'
        'officer' | { officer }                 | '/traceability?province=92' || 200    | false   | null
        'admin'   | { admin }                   | '/coverage?province=79'     || 200    | false   | null
    }

    def "an admin rebuilds the reports from the streams: every figure comes back the same; an officer may not"() {
        given: 'the figures checked above'
        def before = ['/payments', '/sales?by=product', '/sales?by=commune', '/traceability'].collectEntries { [it, report(it)] }

        when:
        def refused = api.post(services.url('catalog'), '/api/v1/admin/reports/rebuild', null, officer.accessToken())
        def rebuilt = api.post(services.url('catalog'), '/api/v1/admin/reports/rebuild', null, admin.accessToken())

        then: "replayed from orders', payments' and traceability's streams"
        refused.status() == 403
        rebuilt.status() == 200 && rebuilt.body().eventsApplied > 0
        before.every { path, figures -> report(path) == figures }

        and: 'no event of the whole scenario was dead-lettered by any service'
        ServiceProcesses.SERVICES.every { state.deadLetters(it) == 0 }
    }

    def "an admin sees the coverage of all provinces, or of one"() {
        given:
        def valid = entries.findAll { validOn(it, LocalDate.now(ProviderCallbacks.VIETNAM)) }

        expect: 'all provinces hold only the demo registry, less the product sold out'
        with(report('/coverage', admin)) { province == null && certified == valid.size() && online == valid.count { it.listed() } - 1 }
        report('/coverage?province=79', admin).certified == 0
    }

    def "a subject lists an unlisted certified product and claims it: a gap pending the officer, then online"() {
        given: "a subject lists one of its certified products not yet online (on the seed day, Cù Lao Dung cooperative's bonsai)"
        def entry = entries.find { !it.listed() && validOn(it, LocalDate.now(ProviderCallbacks.VIETNAM)) }
        def seller = sellerOf(entry)
        int gapsBefore = report('/coverage/gaps?limit=200').total as int
        long onlineBefore = report('/coverage').online as long
        def kind = entry.kind()
        Map sku = [code: 'CLAIMED-1', label: kind.label(), unit: kind.unit(), priceVnd: kind.price(), weightGrams: kind.grams(), stock: 3]
        Map product = market.ensureProduct(seller, [name: entry.productName(), ocopGroup: kind.group(), category: kind.category(),
                                                    originCommuneCode: communeOfDistrict[entry.legacyDistrict()], skus: [sku]])

        when: 'it claims the certificate'
        def claim = api.post(services.url('catalog'), "/api/v1/products/${product.id}/certificate-claim",
                [certificateNumber: entry.number()], seller.accessToken())
        Map pending = report('/coverage/gaps?limit=200').items.find { it.certificateNumber == entry.number() }

        then: 'still a gap, now waiting for the officer'
        !entry.listed() && claim.status() == 200
        pending.reason == 'CLAIM_PENDING'
        report('/coverage').online == onlineBefore

        when: 'the officer approves'
        def approved = api.post(services.url('catalog'), "/api/v1/products/${product.id}/certificate-claim/decision",
                [decision: 'APPROVE'], officer.accessToken())

        then: 'one more certified product online, one gap fewer'
        approved.status() == 200
        conditions.eventually {
            assert report('/coverage').online == onlineBefore + 1
        }
        with(report('/coverage/gaps?limit=200')) {
            total == gapsBefore - 1
            !items*.certificateNumber.contains(entry.number())
        }
    }

    // --- steps ---

    /** Prints a report as read (in the scenario's output file), for whoever reads the run. */
    static Map show(String what, Map report) {
        println "$what: $report"
        report
    }

    /** A report as CSV, as the officer downloads it: its lines. */
    List<String> csv(String path) {
        def response = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                services.url('catalog').resolve("/api/v1/reports$path")).header('Authorization', "Bearer ${officer.accessToken()}")
                .build(), HttpResponse.BodyHandlers.ofString())
        assert response.statusCode() == 200 && response.headers().firstValue('Content-Type').get().startsWith('text/csv')
        response.body().readLines()
    }

    Map report(String path, Marketplace.Session who = officer) {
        def response = api.get(services.url('catalog'), "/api/v1/reports$path", who.accessToken())
        assert response.status() == 200: "$path: ${response.body()}"
        response.body()
    }

    Marketplace.Session sellerOf(DemoRegistry.Entry e) {
        sellers.computeIfAbsent(e.subject().index()) { market.login(e.subject().email(), DemoData.SELLER_PASSWORD) }
    }

    /** The entry's published product as the catalogue shows it (its seller's, by name). */
    Map productOf(DemoRegistry.Entry e) {
        def seller = sellerOf(e)
        def found = api.get(services.url('catalog'), "/api/v1/products?limit=100&seller=${seller.accountId()}&q=" +
                URLEncoder.encode(e.productName(), 'UTF-8'), null).body().items.find { it.name == e.productName() }
        assert found: "product ${e.productName()} is not in the catalogue"
        api.get(services.url('catalog'), "/api/v1/products/${found.productId}", null).body()
    }

    /** A product bought here: its SKU (the 5 kg bag of the rice), price and weight as DemoRegistry lists them. */
    Map listing(DemoRegistry.Entry e) {
        def product = productOf(e)
        def sku = e.index() == RICE ? product.skus.find { it.code == 'ST25-5KG' } : product.skus[0]
        // the seller was placed, when it first listed, in the commune of its first listed certificate's former district
        def firstListed = e.index() == RICE ? null : entries.find { it.listed() && it.subject().index() == e.subject().index() }
        assert sku.priceVnd == e.kind().price()
        [entry        : e, seller: sellerOf(e), productId: product.id, skuId: sku.id, price: e.kind().price(), grams: e.kind().grams(),
         sellerCommune: firstListed == null ? DemoData.MY_XUYEN : communeOfDistrict[firstListed.legacyDistrict()]]
    }

    /**
     * Places a checkout of {@code cart} (registry entry: quantity) and checks each seller order against the one computed
     * by hand: goods, the local shipping fee of its weight, total. Returns the checkout with its orders.
     */
    Map place(String method, Map<Integer, Integer> cart) {
        Map<Integer, List<Integer>> bySeller = [:]
        for (Integer i : cart.keySet()) {
            assert listed[i] != null: "entry $i was not read from the catalogue"
            bySeller.computeIfAbsent(listed[i].entry.subject().index() as Integer) { [] } << i
        }
        List<Map> expected = bySeller.values().collect { List<Integer> part ->
            List<Map> lines = part.collect { Integer i ->
                [listed: listed[i], quantity: cart[i], goods: cart[i] * (listed[i].price as long)]
            }
            int grams = 0
            part.each { Integer i -> grams += cart[i] * (listed[i].grams as int) }
            long goods = lines.sum { it.goods } as long
            [method  : method, entries: part, lines: lines, sellerAccount: listed[part[0]].seller.accountId().toString(),
             goods   : goods, units: lines.sum { it.quantity } as int, shipping: localShipping(grams),
             total   : goods + localShipping(grams), cancelled: false]
        }
        def placed = market.checkout(buyer, [lines          : cart.collect { i, q -> [skuId: listed[i].skuId, quantity: q] },
                                             shippingAddress: ADDRESS, paymentMethod: method], UUID.randomUUID().toString())
        assert placed.status() == 201: placed.body()
        def view = market.checkoutView(buyer, placed.text('id'))
        expected.each { o ->
            def actual = view.orders.find { it.sellerId == o.sellerAccount }
            assert [actual.subtotalVnd, actual.shippingVnd, actual.totalVnd] == [o.goods, o.shipping, o.total]
            o.id = actual.id
        }
        assert view.totalVnd == expected.sum { it.total }
        orders.addAll(expected)
        [id: placed.text('id'), orders: expected, total: expected.sum { it.total }]
    }

    /** Pays a VIETQR checkout: the bank notifies a transfer of the code's amount with the code's purpose; returns the code read. */
    Map payByVietQr(Map checkout, String transactionId) {
        market.awaitPaymentUrl(buyer, checkout.id)
        Map<String, String> qr = ProviderCallbacks.readVietQr(market.checkoutView(buyer, checkout.id).payment.action.qrPayload)
        def answer = providers.vietQrTransfer(qr, qr.amount as long, transactionId)
        assert answer.status() == 200: answer.body()
        market.awaitStatus(buyer, checkout.id, 'PAID')
        qr
    }

    /** The seller ships the order, naming the lot of the given entries' lines (orders learns of new lots from events). */
    Api.Response ship(Map order, Map<Integer, String> lots) {
        def seller = listed[order.entries[0]].seller
        def lines = api.get(services.url('orders'), "/api/v1/orders/${order.id}", seller.accessToken()).body().lines
        def request = [carrier: 'VNPost', trackingNumber: "EB${order.id.toString()[0..7]}VN".toString(),
                       lines  : lots.collect { i, lot ->
                           [lineNo: lines.find { it.productId == listed[i].productId }.lineNo, lotCode: lot]
                       }]
        Await.until("orders to accept the shipment of ${order.id}", Duration.ofSeconds(30), { ->
            def response = api.post(services.url('orders'), "/api/v1/orders/${order.id}/shipment", request, seller.accessToken())
            response.status() == 422 && response.text('code') == 'shipment_lots_invalid' ? Optional.empty() : Optional.of(response)
        } as Supplier)
    }
}
