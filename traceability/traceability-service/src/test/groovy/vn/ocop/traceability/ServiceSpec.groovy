package vn.ocop.traceability

import io.micronaut.http.HttpResponse
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.json.JsonMapper
import io.micronaut.test.support.TestPropertyProvider
import io.micronaut.transaction.TransactionOperations
import java.sql.Connection
import spock.lang.Specification
import vn.ocop.platform.Infra
import vn.ocop.platform.security.TestIdentity

/**
 * The running service on a port chosen before it starts, so that the resolver base URL (the URIs in QR codes) points
 * at it, verifying tokens against the test identity's JWKS over HTTP as in production.
 */
abstract class ServiceSpec extends Specification implements TestPropertyProvider {

    private static final Map<Class, Integer> PORTS = [:].asSynchronized()

    /** The service's answer to a request as a JSON map, whatever its status (an error answer is returned, not thrown). */
    static HttpResponse<Map> exchange(HttpClient client, MutableHttpRequest request) {
        try {
            client.toBlocking().exchange(request, Map)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Map>
        }
    }

    @Override
    Map<String, String> getProperties() {
        TestIdentity.properties() + ['micronaut.server.port'              : port().toString(),
                                     'ocop.traceability.resolver-base-url': baseUrl()]
    }

    Integer port() {
        PORTS.computeIfAbsent(getClass()) { new ServerSocket(0).withCloseable { it.localPort } }
    }

    String baseUrl() {
        "http://127.0.0.1:${port()}"
    }

    static String token(UUID account, List<String> roles, String province = null) {
        TestIdentity.token(account, roles, province)
    }

    /** The service's own tables, children before parents (the communes copy is left alone unless asked). */
    static final List<String> TABLES = ['lot_serials', 'lot_packings', 'transformation_outputs', 'transformation_inputs',
                                        'transformations', 'lots', 'farming_diary_inputs', 'farming_diary_entries',
                                        'growing_area_certificates', 'growing_area_households', 'growing_areas',
                                        'products', 'outbox']

    static void clean(TransactionOperations<Connection> tx) {
        TABLES.each { Infra.execute(tx, "DELETE FROM $it") }
    }

    /**
     * The events of one type in the service's outbox, oldest first, as the relay appends them: each envelope as a map,
     * with {@code event}, its data read back as the contract's record.
     */
    static List<Map> outboxed(TransactionOperations<Connection> tx, JsonMapper json, String type, Class record) {
        Infra.rows(tx, 'SELECT envelope FROM outbox WHERE event_type = ? ORDER BY seq', [type]).collect {
            Map envelope = json.readValue(it.envelope as String, Map)
            envelope + [event: json.readValue(json.writeValueAsString(envelope.data), record)]
        }
    }

    /** A growing area of the seller's, as GrowingAreaSpec shows the API declaring one, for specs about what links to it. */
    static UUID insertArea(TransactionOperations<Connection> tx, UUID sellerId, String code, String status = 'UNVERIFIED') {
        UUID id = UUID.randomUUID()
        Infra.execute(tx, '''INSERT INTO growing_areas (id, code, seller_id, crop, declared_area_ha, computed_area_ha, area_mismatch,
                             commune_code, province_code, boundary, status, created_at)
                             VALUES (?, ?, ?, 'Lúa ST25', 10.9, 10.9283, FALSE, '31684', '92', ?, ?, UTC_TIMESTAMP(6))''',
                [id.toString(), code, sellerId.toString(),
                 '{"type":"Polygon","coordinates":[[[105.98,9.56],[105.983,9.56],[105.983,9.563],[105.98,9.563],[105.98,9.56]]]}', status])
        id
    }
}
