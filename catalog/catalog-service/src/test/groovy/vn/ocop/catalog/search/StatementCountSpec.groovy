package vn.ocop.catalog.search

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.platform.Infra

/**
 * The listing endpoints run a fixed number of SQL statements per request, whatever the page size (no N+1). Counted
 * with the server's own per-session counter of SELECT statements: the service here has a single database connection,
 * which the spec reads the counter through, and its background readers (outbox relay, reservation sweeper) are off.
 */
@MicronautTest(transactional = false)
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.catalog.reservation-sweep.enabled', value = 'false')
@Property(name = 'datasources.default.maximum-pool-size', value = '1')
@Property(name = 'ocop.catalog.read-cache.ttl', value = '0s')
class StatementCountSpec extends CatalogSpecification {

    long selects(Closure action) {
        long before = counter()
        action.call()
        counter() - before
    }

    void fetch(String path) {
        assert call(HttpRequest.GET(path)).status().code == 200
    }

    long counter() {
        Infra.rows(tx, "SHOW SESSION STATUS LIKE 'Com_select'", []).first().Value as long
    }

    def "search: two statements for 1 or 50 results; product detail: three, four with a certificate"() {
        given:
        UUID seller = verifiedSeller()
        def products = (1..12).collect { listed(seller, [name: "Mắm tôm chà $it"]) }
        certify(seller, products[0].id, certificate(4))
        long self = selects {} // reading the counter itself

        expect:
        selects { fetch("/api/v1/products?seller=$seller&q=mam%20tom&limit=1") } - self == 2
        selects { fetch("/api/v1/products?seller=$seller&q=mam%20tom&limit=50&stars=3&sort=PRICE_ASC") } - self == 2
        selects { fetch("/api/v1/products?limit=100") } - self == 2
        selects { fetch("/api/v1/products/${products[0].id}") } - self == 4
        selects { fetch("/api/v1/products/${products[5].id}") } - self == 3
    }
}
